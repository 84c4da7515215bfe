namespace WelfareGraph.Data;

/// <summary>
/// Contexts with the <see cref="WelfareScope.System"/> scope, for the work the server does for itself outside
/// any request: migrations and demo data at start-up, writing generated data sets. It refuses to work inside
/// a request, so a resolver cannot widen its caller's scope by asking for it.
/// </summary>
public sealed class SystemDbContextFactory(Func<WelfareDbContext> create, IHttpContextAccessor http)
{
    public WelfareDbContext CreateDbContext()
    {
        if (http.HttpContext is not null)
            throw new InvalidOperationException(
                "SystemDbContextFactory is for the server's own work outside requests; "
                    + "a request uses IDbContextFactory<WelfareDbContext>, which carries its caller's scope."
            );
        return Create();
    }

    /// <summary>The one use inside a request: looking up which counties the caller's scope codes name.</summary>
    internal WelfareDbContext CreateForScopeResolution() => Create();

    /// <summary>
    /// The other use inside a request: ingestion checks which reference codes (counties, centres, charities,
    /// closed periods) exist at all, so that a code outside the caller's scope is answered OUT_OF_SCOPE rather
    /// than UNKNOWN. Read-only by convention; every write goes through the caller's scoped context.
    /// </summary>
    internal WelfareDbContext CreateForReferenceLookup() => Create();

    /// <summary>And one more: the primary's WAL position, against which the replica's lag is measured.</summary>
    internal WelfareDbContext CreateForReplicaCheck() => Create();

    private WelfareDbContext Create()
    {
        var db = create();
        db.Scope = WelfareScope.System;
        return db;
    }
}

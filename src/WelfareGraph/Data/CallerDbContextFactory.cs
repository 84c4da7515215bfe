namespace WelfareGraph.Data;

/// <summary>
/// The <see cref="IDbContextFactory{WelfareDbContext}"/> everything in a request uses: each context it makes
/// carries the current caller's scope, and so sees and writes only that (<see cref="ScopeFilters"/>).
/// Outside a request, or before the caller's scope is resolved, its contexts see nothing. A request that
/// <see cref="ReadRouting"/> sent to the replica gets contexts on the replica; every other one the primary's.
/// </summary>
internal sealed class CallerDbContextFactory<TContext>(
    IDbContextFactory<TContext> inner,
    ICurrentScope scope,
    ReadReplica replica,
    IHttpContextAccessor http
) : IDbContextFactory<WelfareDbContext>
    where TContext : WelfareDbContext
{
    public WelfareDbContext CreateDbContext()
    {
        var db = ReadRouting.Of(http.HttpContext) is { FromReplica: true } ? replica.CreateUnscoped() : inner.CreateDbContext();
        db.Scope = scope.Current;
        return db;
    }
}

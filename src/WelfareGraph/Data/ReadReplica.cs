namespace WelfareGraph.Data;

/// <summary>
/// Contexts on <c>ConnectionStrings:WelfareGraphReadOnly</c> — PostgreSQL hot standbys (Npgsql's multi-host
/// strings with <c>Target Session Attributes</c> pick among several) or SQL Server readable secondaries
/// (<c>ApplicationIntent=ReadOnly</c>). Without that setting there is no replica and everything reads the primary.
/// Contexts come without a scope: <see cref="CallerDbContextFactory{TContext}"/> gives them the caller's.
/// </summary>
public sealed class ReadReplica(Func<WelfareDbContext>? create)
{
    public bool IsConfigured => create is not null;

    internal WelfareDbContext CreateUnscoped() =>
        (create ?? throw new InvalidOperationException("ConnectionStrings:WelfareGraphReadOnly is not set."))();

    /// <summary>A context with the system scope, for the server's own look-ups on the replica (its version, its lag).</summary>
    internal WelfareDbContext CreateSystem()
    {
        var db = CreateUnscoped();
        db.Scope = WelfareScope.System;
        return db;
    }
}

namespace WelfareGraph.Data;

/// <summary>
/// Contexts for the server's own bookkeeping beside a request: the audit log it writes and the export jobs it
/// admits, heartbeats and finishes. That work is the server's, not the caller's query, so it goes without the
/// caller's scope and without the interceptors that count or hold a request's commands. Nothing else uses them.
/// </summary>
public sealed class BookkeepingDbContextFactory(Func<WelfareDbContext> create)
{
    public WelfareDbContext CreateDbContext()
    {
        var db = create();
        db.Scope = WelfareScope.System;
        return db;
    }
}

namespace WelfareGraph.Data;

/// <summary>
/// Contexts that read and write the export jobs table, and nothing else: the bookkeeping of jobs (admission,
/// heartbeats, status) is the server's, not the caller's query, so it goes without the caller's scope and
/// without the interceptors that count or hold a request's commands.
/// </summary>
public sealed class ExportJobDbContextFactory(Func<WelfareDbContext> create)
{
    public WelfareDbContext CreateDbContext()
    {
        var db = create();
        db.Scope = WelfareScope.System;
        return db;
    }
}

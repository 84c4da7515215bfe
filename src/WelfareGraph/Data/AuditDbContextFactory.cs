namespace WelfareGraph.Data;

/// <summary>Contexts that write the audit log, and nothing else.</summary>
public sealed class AuditDbContextFactory(Func<WelfareDbContext> create)
{
    internal WelfareDbContext CreateDbContext()
    {
        var db = create();
        db.Scope = WelfareScope.System;
        return db;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WelfareGraph.Data;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// The audit log table exists on every provider (SQLite and PostgreSQL also run it in the other tests;
/// SQL Server, which cannot run here, through its migrations script).
/// </summary>
public sealed class AuditLogMigrationTests
{
    private static T Context<T>(DatabaseProvider provider, string connectionString)
        where T : WelfareDbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider }, connectionString);
        return (T)Activator.CreateInstance(typeof(T), builder.Options)!;
    }

    [Fact]
    public void Every_provider_has_the_AuditLog_migration_and_SQL_Server_creates_the_table()
    {
        using var sqlite = Context<SqliteWelfareDbContext>(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context<PostgresWelfareDbContext>(DatabaseProvider.Postgres, "Host=unused");
        using var sqlServer = Context<SqlServerWelfareDbContext>(DatabaseProvider.SqlServer, "Server=unused;TrustServerCertificate=true");
        foreach (DbContext db in new DbContext[] { sqlite, postgres, sqlServer })
            Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_AuditLog", StringComparison.Ordinal));

        var script = sqlServer.GetService<IMigrator>().GenerateScript();
        Assert.Contains("CREATE TABLE [audit_log]", script);
        Assert.Contains("[subject] nvarchar(128) NOT NULL", script);
        Assert.Contains("CREATE INDEX [ix_audit_log_subject_at]", script);
    }
}

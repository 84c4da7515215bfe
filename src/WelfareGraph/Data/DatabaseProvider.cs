namespace WelfareGraph.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStart { get; set; } = true;
    public bool SeedDemoData { get; set; } = true;

    /// <summary>SQL Server compatibility level EF generates SQL for (150 = SQL Server 2019).</summary>
    public int SqlServerCompatibilityLevel { get; set; } = 150;

    /// <summary>Used when no connection string is configured for SQLite: a file under the content root.</summary>
    public string SqliteFile { get; set; } = "data/welfaregraph.db";

    /// <summary>The longest a connection attempt to PostgreSQL or SQL Server may take, unless the connection string says otherwise.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long SQLite waits for a lock held by another connection before it reports the file busy.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
[SettingsSection("Database")]
public sealed class DatabaseOptions
{
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStart { get; set; } = true;
    public bool SeedDemoData { get; set; } = true;

    /// <summary>SQL Server compatibility level EF generates SQL for (150 = SQL Server 2019).</summary>
    [Range(80, 200)]
    public int SqlServerCompatibilityLevel { get; set; } = 150;

    /// <summary>Used when no connection string is configured for SQLite: a file under the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqliteFile { get; set; } = "data/welfaregraph.db";

    /// <summary>
    /// The longest a connection attempt to PostgreSQL or SQL Server may take, unless the connection string says otherwise.
    /// </summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long SQLite waits for a lock held by another connection before it reports the file busy.</summary>
    [Range(typeof(TimeSpan), "00:00:00", Durations.Longest)]
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// With <c>ConnectionStrings:WelfareGraphReadOnly</c>: reads go to the primary while the replica is further
    /// behind than this (measured by WAL position, or SQL Server's redo queue).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", Durations.Longest)]
    public TimeSpan MaxReplicaLag { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one measurement of the replica's lag stands before the next request measures again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", Durations.Longest)]
    public TimeSpan ReplicaLagCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}

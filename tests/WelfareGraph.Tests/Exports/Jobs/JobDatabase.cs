using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>A database and a job folder that outlive the servers a test starts and restarts over them.</summary>
public sealed class JobDatabase : IDisposable
{
    private readonly string? _sqliteFile;

    private JobDatabase(string provider, string connectionString, string? sqliteFile)
    {
        (Provider, ConnectionString, _sqliteFile) = (provider, connectionString, sqliteFile);
        Directory.CreateDirectory(Folder);
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"welfaregraph-jobs-{Guid.NewGuid():N}");

    public static Task<JobDatabase> SqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"welfaregraph-jobs-{Guid.NewGuid():N}.db");
        return Task.FromResult(new JobDatabase("Sqlite", $"Data Source={file};Pooling=false", file));
    }

    public static async Task<JobDatabase> PostgresAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        return new JobDatabase("Postgres", await postgres.CreateDatabaseAsync("jobs"), null);
    }

    /// <summary>The settings of every server over this database; a short heartbeat so cancellations and takeovers show quickly.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:WelfareGraph"] = ConnectionString,
            ["Exports:JobStore"] = Folder,
            ["Exports:JobHeartbeat"] = "00:00:00.250",
            ["Exports:JobLease"] = "00:00:10",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    public DbConnection Connect() => Provider == "Sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    /// <summary>One number by hand-written SQL over the servers' database.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        Directory.Delete(Folder, recursive: true);
    }
}

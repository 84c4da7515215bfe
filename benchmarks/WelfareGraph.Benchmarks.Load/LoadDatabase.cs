using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// The database a load run uses, with the demo data: the embedded default (a SQLite file, the connection string the
/// server makes itself — pooled, unlike the tests' files) or a database on a throwaway PostgreSQL 15 cluster.
/// </summary>
public sealed class LoadDatabase : IAsyncDisposable
{
    private readonly PostgresServer? _postgres;
    private readonly string? _file;

    private LoadDatabase(Dictionary<string, string?> settings, PostgresServer? postgres, string? file) =>
        (Settings, _postgres, _file) = (settings, postgres, file);

    public Dictionary<string, string?> Settings { get; }

    public static async Task<LoadDatabase> CreateAsync(string provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None", // the first start's probe for a missing history table
            // One local caller sends thousands of requests a minute: the per-caller limit is not what is measured.
            ["GraphQL:RateLimit:PermitLimit"] = "100000000",
        };
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                var file = Path.Combine(Path.GetTempPath(), $"welfaregraph-load-{Guid.NewGuid():N}.db");
                settings["ConnectionStrings:WelfareGraph"] = $"Data Source={file}";
                return new LoadDatabase(settings, null, file);
            case "postgres":
                var postgres = new PostgresServer();
                await postgres.InitializeAsync();
                settings["Database:Provider"] = "Postgres";
                settings["ConnectionStrings:WelfareGraph"] = await postgres.CreateDatabaseAsync("load");
                return new LoadDatabase(settings, postgres, null);
            default:
                throw new ArgumentException($"Unknown provider '{provider}': sqlite or postgres.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        if (_file is not null)
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
                File.Delete(path);
    }
}

using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Rollups;

/// <summary>Two servers on one database with the Zanjan demo data: one reads the rollup where it can, one never does.</summary>
public abstract class RollupServers : IAsyncLifetime
{
    public TestIdentity Identity { get; } = new();
    public WelfareGraphFactory WithRollups { get; private set; } = null!;
    public WelfareGraphFactory WithoutRollups { get; private set; } = null!;

    /// <summary>The provider and connection string of the shared database.</summary>
    protected abstract Task<Dictionary<string, string?>> DatabaseAsync();

    public async Task InitializeAsync()
    {
        var database = await DatabaseAsync();
        WithRollups = new WelfareGraphFactory(
            new Dictionary<string, string?>(database) { ["Analytics:UseRollups"] = "true" },
            identity: Identity
        );
        WithRollups.CreateClient().Dispose(); // migrates and loads the demo data
        WithoutRollups = new WelfareGraphFactory(
            new Dictionary<string, string?>(database)
            {
                ["Analytics:UseRollups"] = "false",
                ["Database:MigrateOnStart"] = "false",
                ["Database:SeedDemoData"] = "false",
            },
            identity: Identity
        );
    }

    /// <summary>A context of national scope on the shared database.</summary>
    public WelfareDbContext System() => WithRollups.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();

    public virtual Task DisposeAsync()
    {
        WithRollups.Dispose();
        WithoutRollups.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SqliteRollupServers : RollupServers
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"welfaregraph-rollups-{Guid.NewGuid():N}.db");

    protected override Task<Dictionary<string, string?>> DatabaseAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["ConnectionStrings:WelfareGraph"] = $"Data Source={_file};Pooling=false" });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
}

public sealed class PostgresRollupServers : RollupServers
{
    protected override async Task<Dictionary<string, string?>> DatabaseAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:WelfareGraph"] = await postgres.CreateDatabaseAsync("rollups"),
        };
    }
}

using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// A PostgreSQL primary with a streaming replica of its own (not the shared cluster: its replay is paused by
/// tests), and two servers reading through the replica: one that tolerates any lag (so its answers show how
/// stale they are) and one whose <c>Database:MaxReplicaLag</c> is a fifth of a second.
/// </summary>
public sealed class ReplicatedServers : IAsyncLifetime
{
    private readonly PostgresServer _primary = new();

    public PostgresReplica Replica { get; private set; } = null!;
    public string PrimaryConnection { get; private set; } = "";
    public string ReplicaConnection { get; private set; } = "";
    public ServerRoleRecorder Recorder { get; } = new();

    /// <summary>Reads the replica however far behind it is.</summary>
    public WelfareGraphFactory Tolerant { get; private set; } = null!;

    /// <summary>Reads the primary once the replica is more than 200 ms behind.</summary>
    public WelfareGraphFactory Strict { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _primary.InitializeAsync();
        Replica = await _primary.StartReplicaAsync();
        PrimaryConnection = await _primary.CreateDatabaseAsync("replicated");
        ReplicaConnection = Replica.ConnectionStringFor(PrimaryConnection);
        Tolerant = new WelfareGraphFactory(Settings("01:00:00")) { TestServices = s => s.AddSingleton<IInterceptor>(Recorder) };
        Tolerant.CreateClient(); // migrates and loads the demo data on the primary
        Strict = new WelfareGraphFactory(
            new Dictionary<string, string?>(Settings("00:00:00.200"))
            {
                ["Database:MigrateOnStart"] = "false",
                ["Database:SeedDemoData"] = "false",
            }
        );
        Strict.CreateClient();
        await Replica.WaitForReplayAsync(PrimaryConnection, TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        Tolerant.Dispose();
        Strict.Dispose();
        await Replica.DisposeAsync();
        await _primary.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(string maxLag) =>
        new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:WelfareGraph"] = PrimaryConnection,
            ["ConnectionStrings:WelfareGraphReadOnly"] = ReplicaConnection,
            ["Database:MaxReplicaLag"] = maxLag,
            ["Database:ReplicaLagCheckInterval"] = "00:00:00",
        };
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Data;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// A PostgreSQL 15 primary with a streaming replica (the tests' clusters: durability off), the demo data, and a
/// server reading through the replica with the default <c>Database:MaxReplicaLag</c>. A dashboard reader's latency
/// is taken idle first; then the import command writes N contributions into the primary while the replica's lag is
/// sampled and the reader goes on; then the time the replica needs to replay the rest, and the idle latency again.
/// Last, the same import on a fresh cluster with neither replica nor reader, for its rows per second alone.
/// </summary>
public static class ReplicaLagUnderImport
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan IdleReading = TimeSpan.FromSeconds(10);

    // Long enough for tiered compilation to settle (after a 2 s warm-up the idle reads were slower than the later ones under load).
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public sealed record Replicated(
        TimeSpan Import,
        string Summary,
        long WalBytes,
        TimeSpan CatchUp,
        TimeSpan MaxReplicaLag,
        List<ReplicaLagSampler.Sample> Samples,
        List<DashboardReader.Read> Idle,
        List<DashboardReader.Read> During,
        List<DashboardReader.Read> After
    );

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("welfaregraph-replicalag-").FullName;
        try
        {
            var file = Path.Combine(folder, "contributions.csv");
            Console.WriteLine($"Generating {rows:N0} rows ...");
            ContributionsFile.Write(file, rows);
            var replicated = await ImportWithReplicaAsync(file);
            // After the replicated cluster has gone: its replica and server would take CPU from this import.
            Console.WriteLine("Importing the same rows into a fresh cluster without replica or reader ...");
            var (alone, aloneSummary) = await ImportAloneAsync(file);
            Console.WriteLine("  import: " + aloneSummary);
            ReplicaLagReport.Print(rows, replicated, alone);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Replicated> ImportWithReplicaAsync(string file)
    {
        Console.WriteLine("Starting a primary, its streaming replica and a server reading through the replica ...");
        await using var primary = new PostgresServer();
        await primary.InitializeAsync();
        await using var replica = await primary.StartReplicaAsync();
        var database = await primary.CreateDatabaseAsync("replicalag");
        var settings = Settings(database);
        settings["ConnectionStrings:WelfareGraphReadOnly"] = replica.ConnectionStringFor(database);
        using var host = new WelfareGraphFactory(settings);
        host.UseKestrel(0); // a real socket on loopback, as a dashboard would connect
        using var http = host.CreateClient(); // migrates and loads the demo data on the primary
        http.Timeout = TimeSpan.FromMinutes(2);
        await replica.WaitForReplayAsync(database, TimeSpan.FromMinutes(1));
        var maxLag = host.Services.GetRequiredService<DatabaseOptions>().MaxReplicaLag;

        var reader = new DashboardReader(http);
        await reader.ReadForAsync(WarmUp); // JIT, connection pools, the replica's caches
        var idle = await reader.ReadForAsync(IdleReading);

        Console.WriteLine("Importing while sampling the replica's lag and reading ...");
        var startLsn = await CurrentLsnAsync(database);
        using var stopReading = new CancellationTokenSource();
        using var stopSampling = new CancellationTokenSource();
        var sampling = ReplicaLagSampler.RunAsync(
            primary.AdminConnectionString,
            replica.ConnectionStringFor(primary.AdminConnectionString),
            SampleInterval,
            stopSampling.Token
        );
        var reading = reader.ReadUntilAsync(stopReading.Token);
        var clock = Stopwatch.StartNew();
        var summary = await ContributionsImport.RunAsync(file, database, "replicalag");
        var import = clock.Elapsed;
        stopReading.Cancel();
        Console.WriteLine("  import: " + summary);

        // Sampling goes on through the catch-up: the replica may be furthest behind just after the last commit.
        var endLsn = await CurrentLsnAsync(database);
        var catchingUp = Stopwatch.StartNew();
        await replica.WaitForReplayAsync(database, TimeSpan.FromMinutes(5));
        var catchUp = catchingUp.Elapsed;
        stopSampling.Cancel();
        // Idle again, on the larger tables: tells the import's own cost on reads from the machine's drift over the run.
        var after = await reader.ReadForAsync(IdleReading);
        return new Replicated(import, summary, endLsn - startLsn, catchUp, maxLag, await sampling, idle, await reading, after);
    }

    private static async Task<(TimeSpan, string)> ImportAloneAsync(string file)
    {
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("alone");
        using (var host = new WelfareGraphFactory(Settings(database)))
            host.CreateClient().Dispose(); // migrates and loads the demo data, as for the replicated run
        var clock = Stopwatch.StartNew();
        var summary = await ContributionsImport.RunAsync(file, database, "alone");
        return (clock.Elapsed, summary);
    }

    private static Dictionary<string, string?> Settings(string database) =>
        new()
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None", // the first start's probe for a missing history table
            ["GraphQL:RateLimit:PermitLimit"] = "100000000", // one local reader asks many times a second
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:WelfareGraph"] = database,
        };

    private static async Task<long> CurrentLsnAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ReplicaLagMonitor.PostgresPrimarySql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

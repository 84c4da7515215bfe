using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WelfareGraph.Benchmarks;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Benchmarks.Statistics;

// Sustained dashboard load over a real Kestrel listener (loopback HTTP):
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Load -- [seconds per provider] [sqlite,postgres] [clients]
// Eight clients (by default) send the dashboard workload back to back for the given time on each provider (the
// embedded SQLite default, then a throwaway PostgreSQL 15), each with the demo data. Printed: requests per second,
// p50/p95/p99 overall and per operation, and the process's resident and private memory after the warm-up and at
// the end. Targets for steady load: p99 ≤ 5 × p50, memory at the end within 10 % of after the warm-up.
// Or a dashboard of ten visuals against two server processes, cache off, cold and warm (TwoServerDashboard.cs):
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Load -- twoservers [seconds per run] [users]
// Or how far a streaming replica falls behind while the import command writes N contributions (1,000,000 by
// default) into the primary, and what a dashboard reading through the replica sees meanwhile (ReplicaLagUnderImport.cs):
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Load -- replicalag [rows]
if (args.Length > 0 && args[0] == "twoservers")
{
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    await TwoServerDashboard.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "replicalag")
{
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    await ReplicaLagUnderImport.RunAsync(args[1..]);
    return;
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
var providers = (args.Length > 1 ? args[1] : "sqlite,postgres").Split(
    ',',
    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
);
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

foreach (var provider in providers)
{
    await using var database = await LoadDatabase.CreateAsync(provider);
    using var host = new WelfareGraphFactory(database.Settings);
    host.UseKestrel(0); // a real socket on loopback, as a dashboard would connect
    using var http = host.CreateClient();
    http.Timeout = TimeSpan.FromMinutes(2);
    Console.WriteLine($"== {provider}: {clients} clients for {seconds} s, {DashboardWorkload.Operations.Count} operations ==");

    // Warm-up: every operation answered correctly once (a failing workload would measure error paths), then a
    // tenth of the run (at least 10 s) at full load, so JIT, pools, caches and the heap reach their working size.
    foreach (var operation in DashboardWorkload.Operations)
        await SendAsync(http, operation, check: true);
    await RunAsync(http, TimeSpan.FromSeconds(Math.Max(10, seconds / 10)), clients);
    var warm = MemorySample.Take();
    var run = await RunAsync(http, TimeSpan.FromSeconds(seconds), clients);
    var end = MemorySample.Take();

    var all = run.SelectMany(r => r.Value).ToList();
    Console.WriteLine($"{all.Count:N0} requests, {all.Count / (double)seconds:F1} requests/s");
    Console.WriteLine(
        $"{"operation".PadRight(24)} {"n".PadLeft(7)} {"p50 ms".PadLeft(8)} "
            + $"{"p95 ms".PadLeft(8)} {"p99 ms".PadLeft(8)} {"max ms".PadLeft(8)} {"p99/p50".PadLeft(8)}"
    );
    foreach (var (name, times) in run.OrderBy(r => r.Key, StringComparer.Ordinal).Append(new("all", all)))
        Console.WriteLine(
            $"{name.PadRight(24)} {times.Count.ToString("N0").PadLeft(7)} {Median(times).ToString("F1").PadLeft(8)} "
                + $"{Quantile(times, 0.95).ToString("F1").PadLeft(8)} {Quantile(times, 0.99).ToString("F1").PadLeft(8)} "
                + $"{times.Max().ToString("F1").PadLeft(8)} {(Quantile(times, 0.99) / Median(times)).ToString("F1").PadLeft(7)}x"
        );
    Console.WriteLine($"memory after warm-up: {warm}");
    Console.WriteLine(
        $"memory at the end:    {end}  (working set {end.WorkingSet / (double)warm.WorkingSet - 1:+0.0%;-0.0%}, "
            + $"private {end.Private / (double)warm.Private - 1:+0.0%;-0.0%})"
    );
    Console.WriteLine($"gen0/gen1/gen2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
}

// Clients send back to back (a closed loop): each waits for its answer before asking again, as a dashboard's visuals do.
static async Task<Dictionary<string, List<double>>> RunAsync(HttpClient http, TimeSpan duration, int clients)
{
    var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var perClient = await Task.WhenAll(
        Enumerable
            .Range(0, clients)
            .Select(async client =>
            {
                var times = new List<(string, double)>();
                for (var i = client; Stopwatch.GetTimestamp() < until; i++)
                {
                    var operation = DashboardWorkload.Operations[i % DashboardWorkload.Operations.Count];
                    times.Add((operation.Name, await SendAsync(http, operation, check: false)));
                }
                return times;
            })
    );
    return perClient.SelectMany(t => t).GroupBy(t => t.Item1).ToDictionary(g => g.Key, g => g.Select(t => t.Item2).ToList());
}

static async Task<double> SendAsync(HttpClient http, DashboardWorkload.Operation operation, bool check)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await http.PostAsJsonAsync("/graphql", operation.Body);
    var body = await response.Content.ReadAsByteArrayAsync();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    // Every answer is checked for errors (cheaply, on the bytes); the first round also parses it.
    if (
        !response.IsSuccessStatusCode
        || body.AsSpan().IndexOf("\"errors\""u8) >= 0
        || (check && JsonDocument.Parse(body).RootElement.GetProperty("data").ValueKind != JsonValueKind.Object)
    )
        throw new InvalidOperationException($"{operation.Name}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    return elapsed;
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;
using static WelfareGraph.Benchmarks.Statistics;

// Fair sharing: a dashboard's latency while another caller floods the same server, against the same queries alone.
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Fairness -- [seconds per phase] [rounds] [hostile clients]
// One throwaway PostgreSQL with the demo data, two servers on it (real Kestrel, loopback, Entra tokens of distinct
// callers): one with appsettings.json's fair-share limits, one with them lifted. Each round runs, phase by phase:
//   alone      — the victim's dashboard queries, one after another, and nothing else;
//   fair       — the same while a hostile caller keeps [hostile clients] heavy queries going on the fair server (past its
//                share it is answered 503 SERVER_BUSY and retries after a short pause, as a client with a retry policy);
//   unlimited  — the same flood on the server without limits.
// Reported: the victim's median and p95 in each phase, as ratios against alone, and what the hostile caller got done.
var seconds = Arg(0, 5);
var rounds = Math.Max(1, Arg(1, 3));
var hostileClients = Math.Max(1, Arg(2, 32));
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

await using var postgres = new PostgresServer();
await postgres.InitializeAsync();
var connectionString = await postgres.CreateDatabaseAsync("fairness");
var identity = new TestIdentity();
Dictionary<string, string?> Settings(bool fair)
{
    var settings = new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:WelfareGraph"] = connectionString,
        ["Database:SeedDemoData"] = fair ? "true" : "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        ["GraphQL:RateLimit:PermitLimit"] = "100000000", // fair sharing is measured, not the rate limit
    };
    if (!fair)
    {
        // Lifted: every request runs at once.
        settings["GraphQL:MaxConcurrentPerCaller"] = "100000";
        settings["GraphQL:MaxConcurrentPerServer"] = "100000";
    }
    return settings;
}
using var fairServer = new WelfareGraphFactory(Settings(fair: true), "Production", identity);
fairServer.UseKestrel(0);
var fairHttp = fairServer.CreateClient(); // starts it: migrations and the demo data
using var unlimitedServer = new WelfareGraphFactory(Settings(fair: false), "Production", identity);
unlimitedServer.UseKestrel(0);
var unlimitedHttp = unlimitedServer.CreateClient();
foreach (var http in new[] { fairHttp, unlimitedHttp })
    http.Timeout = TimeSpan.FromMinutes(5);

string Token(string subject) => identity.Token([WelfareRoles.Analyst], ScopeClaim.National, subject: subject);
var victim = Token("dashboard");
var hostile = Token("hostile");

// What a provincial dashboard page asks: the statement and the county breakdown.
string[] dashboard =
[
    """{ participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }) """
        + """{ government { cash inKind volunteerServices } charities total households { covered coverageRate } } }""",
    """{ contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, """
        + """TYPE]) { total { sum count } groups { key { county { code } type } sum share } } }""",
];

// The flood: every contribution of both years grouped five ways, and a page of rows with a count.
string[] heavy =
[
    """{ contributionTotals(period: { from: "2024-03-20", to: "2025-12-21" }, groupBy: [COUNTY, TYPE, INTENT, CHANNEL, """
        + """MONTH], compareTo: PREVIOUS_PERIOD) { groups { key { county { code } type intent channel period } sum count growth } } }""",
    """{ contributions(first: 50, order: [{ amountRial: DESC }]) { totalCount nodes { id date amountRial county { nameFa } } } }""",
];

async Task<HttpStatusCode> PostAsync(HttpClient http, string token, string query, CancellationToken cancellationToken = default)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request, cancellationToken);
    var body = await response.Content.ReadAsStringAsync(cancellationToken);
    if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"errors\"", StringComparison.Ordinal))
        throw new InvalidOperationException(body);
    return response.StatusCode;
}

// Warm-up: JIT, pools, EF's query cache, on both servers.
for (var i = 0; i < 20; i++)
{
    foreach (var http in new[] { fairHttp, unlimitedHttp })
    {
        foreach (var query in dashboard.Concat(heavy))
            await PostAsync(http, victim, query);
    }
}

async Task<List<double>> VictimAsync(HttpClient http)
{
    var times = new List<double>();
    var until = Stopwatch.StartNew();
    while (until.Elapsed < TimeSpan.FromSeconds(seconds))
        foreach (var query in dashboard)
        {
            var started = Stopwatch.GetTimestamp();
            var status = await PostAsync(http, victim, query);
            if (status != HttpStatusCode.OK)
                throw new InvalidOperationException($"The victim was answered {(int)status}.");
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    return times;
}

async Task<(List<double> Victim, long Done, long Refused)> UnderFloodAsync(HttpClient http)
{
    using var stop = new CancellationTokenSource();
    long done = 0,
        refused = 0;
    var flood = Enumerable
        .Range(0, hostileClients)
        .Select(client =>
            Task.Run(async () =>
            {
                for (var i = client; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var status = await PostAsync(http, hostile, heavy[i % heavy.Length], stop.Token);
                        if (status == HttpStatusCode.ServiceUnavailable)
                        {
                            Interlocked.Increment(ref refused);
                            await Task.Delay(100, stop.Token);
                        }
                        else
                            Interlocked.Increment(ref done);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                }
            })
        )
        .ToList();
    var times = await VictimAsync(http);
    await stop.CancelAsync();
    await Task.WhenAll(flood);
    return (times, done, refused);
}

var (alone, fair, unlimited) = (new List<double>(), new List<double>(), new List<double>());
long fairDone = 0,
    fairRefused = 0,
    unlimitedDone = 0;
for (var round = 0; round < rounds; round++)
{
    alone.AddRange(await VictimAsync(fairHttp));
    var underFair = await UnderFloodAsync(fairHttp);
    fair.AddRange(underFair.Victim);
    (fairDone, fairRefused) = (fairDone + underFair.Done, fairRefused + underFair.Refused);
    var underNone = await UnderFloodAsync(unlimitedHttp);
    unlimited.AddRange(underNone.Victim);
    unlimitedDone += underNone.Done;
}

var limits = fairServer.Services.GetRequiredService<IOptions<FairShareOptions>>().Value;
Console.WriteLine(
    $"{Environment.ProcessorCount} cores; fair share: {limits.MaxConcurrentPerCaller} "
        + $"running + {limits.MaxQueuedPerCaller} queued per caller, "
        + $"{limits.ServerConcurrency} running + {limits.MaxQueuedPerServer} queued per server; "
        + $"{hostileClients} hostile clients; {rounds} rounds of {seconds} s per phase"
);
Console.WriteLine(
    $"victim alone             median {Median(alone).ToString("F2").PadLeft(7)} ms  "
        + $"p95 {Quantile(alone, 0.95).ToString("F2").PadLeft(7)} ms  ({alone.Count} queries)"
);
Console.WriteLine(
    $"victim, flood, fair      median {Median(fair).ToString("F2").PadLeft(7)} ms  "
        + $"p95 {Quantile(fair, 0.95).ToString("F2").PadLeft(7)} ms  ({fair.Count} queries)  "
        + $"ratio median {Median(fair) / Median(alone):F2}x, "
        + $"p95 {Quantile(fair, 0.95) / Quantile(alone, 0.95):F2}x;  hostile: {fairDone} answered, {fairRefused} SERVER_BUSY"
);
Console.WriteLine(
    $"victim, flood, unlimited median {Median(unlimited).ToString("F2").PadLeft(7)} ms  p95 "
        + $"{Quantile(unlimited, 0.95).ToString("F2").PadLeft(7)} ms  ({unlimited.Count} queries)  "
        + $"ratio median {Median(unlimited) / Median(alone):F2}x, "
        + $"p95 {Quantile(unlimited, 0.95) / Quantile(alone, 0.95):F2}x;  hostile: {unlimitedDone} answered"
);
return;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

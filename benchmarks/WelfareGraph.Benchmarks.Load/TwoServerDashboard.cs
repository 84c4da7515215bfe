using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;
using static WelfareGraph.Benchmarks.Statistics;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// A dashboard of ten visuals refreshed by simulated users against two server processes behind a round-robin
/// "load balancer" (each user's next request goes to the other server), over one PostgreSQL with the demo data and
/// one Redis: with the answer cache off, then on — the first refresh of every user on an empty cache (cold), then
/// sustained refreshes (warm). Each user refreshes its visuals one after the other and starts again (a closed
/// loop); users hold one of three scopes (national, a province, a county), so the cache holds 30 answers.
/// </summary>
public static class TwoServerDashboard
{
    private static readonly object Period = new
    {
        year = 1404,
        fromMonth = 1,
        toMonth = 9,
    };

    private static readonly (string Name, object Body)[] Visuals =
    [
        ("TotalsByCounty", new { id = "TotalsByCounty", variables = new { province = "IR-19", period = Period } }),
        ("ParticipationStatement", new { id = "ParticipationStatement", variables = new { province = "IR-19", period = Period } }),
        (
            "byCountyMonth",
            new
            {
                query = "query($p: PeriodInput) { contributionTotals(period: $p, groupBy: [COUNTY, MONTH]) "
                    + "{ total { sum count } groups { key { county { code } month } sum count share } } }",
                variables = new { p = Period },
            }
        ),
        ("bySector", new { query = "{ contributionTotals(groupBy: [SECTOR], unit: RIAL) { groups { key { sector } sum count share } } }" }),
        ("byTypeChannel", new { query = "{ contributionTotals(groupBy: [TYPE, CHANNEL]) { groups { key { type channel } sum count } } }" }),
        (
            "byQuarter",
            new { query = "{ contributionTotals(groupBy: [YEAR, QUARTER], unit: RIAL) { groups { key { year quarter } sum count } } }" }
        ),
        (
            "householdsByBenefit",
            new
            {
                query = "{ householdTotals(groupBy: [COUNTY, BENEFIT], asOf: \"1404-09-30\") { total { count coverageRate } "
                    + "groups { key { county { code } benefit } count share coverageRate suppressed } } }",
            }
        ),
        (
            "coverage",
            new
            {
                query = "{ householdTotals(groupBy: [COUNTY]) { total { count allHouseholds coverageRate } "
                    + "groups { key { county { code } } coverageRate } } }",
            }
        ),
        ("centers", new { query = "{ centerTotals(groupBy: [KIND]) { total { centers } groups { key { kind } centers } } }" }),
        (
            "report",
            new
            {
                query = "query($p: PeriodInput!) { participationReport(province: \"IR-19\", period: $p) "
                    + "{ total charities government { cash inKind volunteerServices total } households { covered coverageRate } } }",
                variables = new { p = Period },
            }
        ),
    ];

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("dashboard");
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        await using var authority = await LoopbackTokenAuthority.StartAsync();
        string[] scopes = [ScopeClaim.National, "IR-19", "IR-19-07"];
        var tokens = Enumerable
            .Range(0, users)
            .Select(u => authority.Identity.Token([WelfareRoles.Analyst], scopes[u % scopes.Length], subject: $"dashboard-user-{u}"))
            .ToArray();
        Console.WriteLine($"== two servers, {users} users, a dashboard of {Visuals.Length} visuals, {seconds} s per sustained run ==");
        Console.WriteLine(
            $"{"cache".PadRight(10)} {"requests".PadLeft(9)} {"requests/s".PadLeft(11)} {"p50 ms".PadLeft(8)} {"p95 ms".PadLeft(8)}"
        );

        foreach (var cache in new[] { false, true })
        {
            var settings = new Dictionary<string, string?>(authority.ServerSettings)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__WelfareGraph"] = database,
                ["ConnectionStrings__Redis"] = redis.ConnectionString,
                ["Cache__Enabled"] = cache ? "true" : "false",
                ["GraphQL__RateLimit__PermitLimit"] = "100000000",
                // All 50 users may be waiting on one server at a moment: none is refused, each waits its turn.
                ["GraphQL__MaxQueuedPerServer"] = "100",
            };
            await using var a = new ServerProcess("A", settings);
            await using var b = new ServerProcess("B", settings);
            await a.StartAsync(); // migrates and loads the demo data the first time
            await b.StartAsync();
            var servers = new[] { a.CreateClient(), b.CreateClient() };

            // One refresh per user, all at once: on an empty cache (or without one) every visual is computed.
            var first = await RefreshAsync(servers, tokens, TimeSpan.Zero);
            Print(cache ? "cold" : "off, first", first);
            var sustained = await RefreshAsync(servers, tokens, TimeSpan.FromSeconds(seconds));
            Print(cache ? "warm" : "off", sustained);
            foreach (var client in servers)
                client.Dispose();
        }
    }

    /// <summary>Every user refreshes its dashboard once, then again until <paramref name="duration"/> has passed.</summary>
    private static async Task<(List<double> Times, TimeSpan Elapsed)> RefreshAsync(HttpClient[] servers, string[] tokens, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perUser = await Task.WhenAll(
            tokens.Select(
                async (token, user) =>
                {
                    var times = new List<double>();
                    var next = user;
                    do
                    {
                        foreach (var (name, body) in Visuals)
                            times.Add(await SendAsync(servers[next++ % servers.Length], token, name, body));
                    } while (clock.Elapsed < duration);
                    return times;
                }
            )
        );
        return ([.. perUser.SelectMany(t => t)], clock.Elapsed);
    }

    private static async Task<double> SendAsync(HttpClient server, string token, string name, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await server.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || answer.AsSpan().IndexOf("\"errors\""u8) >= 0)
            throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(answer)}");
        return elapsed;
    }

    private static void Print(string mode, (List<double> Times, TimeSpan Elapsed) run) =>
        Console.WriteLine(
            $"{mode.PadRight(10)} {run.Times.Count.ToString("N0").PadLeft(9)} "
                + $"{(run.Times.Count / run.Elapsed.TotalSeconds).ToString("F1").PadLeft(11)} "
                + $"{Median(run.Times).ToString("F1").PadLeft(8)} {Quantile(run.Times, 0.95).ToString("F1").PadLeft(8)}"
        );
}

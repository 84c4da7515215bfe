using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Caching;

/// <summary>
/// Two servers on one database, one with the answer cache and one without. Random callers (scopes and roles),
/// random analytics operations and variables, and writes of every kind between them: every answer the cached
/// server gives equals the uncached server's answer to the same request, and the cache's own hit counter
/// (read from its metrics) shows that at least a third of them were hits.
/// </summary>
public sealed class CachedAnswerTests : IDisposable
{
    private readonly TestIdentity _identity = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"welfaregraph-cache-{Guid.NewGuid():N}.db");
    private readonly WelfareGraphFactory _cached;
    private readonly WelfareGraphFactory _uncached;

    public CachedAnswerTests()
    {
        var connection = $"Data Source={_database};Pooling=false";
        _cached = new WelfareGraphFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:WelfareGraph"] = connection, ["Cache:Enabled"] = "true" },
            identity: _identity
        );
        _cached.CreateClient().Dispose(); // migrates and loads the demo data
        _uncached = new WelfareGraphFactory(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:WelfareGraph"] = connection,
                ["Cache:Enabled"] = "false",
                ["Database:MigrateOnStart"] = "false",
                ["Database:SeedDemoData"] = "false",
            },
            identity: _identity
        );
    }

    private static readonly (string Query, Func<Random, object> Variables)[] Operations =
    [
        (
            "query($g: [ContributionDimension!]) { contributionTotals(groupBy: $g, unit: RIAL) "
                + "{ total { sum count } groups { key { province { code } county { code } type } sum count } } }",
            r => new { g = Pick(r, [Array.Empty<string>(), ["PROVINCE"], ["COUNTY"], ["TYPE"]]) }
        ),
        (
            "query($g: [HouseholdDimension!]) { householdTotals(groupBy: $g) { total { count allHouseholds coverageRate "
                + "suppressed } groups { key { county { code } benefit } count suppressed allHouseholds coverageRate } } }",
            r => new { g = Pick(r, [Array.Empty<string>(), ["COUNTY"], ["BENEFIT"]]) }
        ),
        (
            "{ centerTotals(groupBy: [COUNTY]) { total { centers residents capacity } "
                + "groups { key { county { code nameFa } } centers residents } } }",
            _ => new { }
        ),
        (
            "query($p: String!) { participationReport(province: $p, period: { year: 1403 }) "
                + "{ total households { allHouseholds } centerResidents } }",
            r => new { p = Pick(r, ["IR-19", "IR-19"]) }
        ),
    ];

    [Fact]
    public async Task Every_cached_answer_equals_the_uncached_one_across_random_callers_operations_and_writes()
    {
        using var counter = new CacheHitCounter();
        var random = new Random(16);
        string[] callers =
        [
            _identity.Token([WelfareRoles.Analyst], ScopeClaim.National, subject: "analyst-ir"),
            _identity.Token([WelfareRoles.Analyst], "IR-19", subject: "analyst-19"),
            _identity.Token([WelfareRoles.Analyst], "IR-19-07", subject: "analyst-19-07"),
            _identity.Token([WelfareRoles.Admin], ScopeClaim.National, subject: "admin"),
        ];
        var writer = _identity.Token([WelfareRoles.Integration, WelfareRoles.Admin], ScopeClaim.National, scp: null, subject: "writer");
        var writes = Writes();
        const int requests = 240;
        var before = (counter.Hits, counter.Misses);
        for (var i = 0; i < requests; i++)
        {
            if (i % 30 == 29)
                await WriteAsync(writer, writes[i / 30 % writes.Length](random));
            var (query, variables) = Operations[random.Next(Operations.Length)];
            var sent = variables(random);
            var caller = callers[random.Next(callers.Length)];
            var cached = await PostAsync(_cached, caller, query, sent);
            var fresh = await PostAsync(_uncached, caller, query, sent);
            Assert.True(fresh["errors"] is null, fresh.ToJsonString());
            Assert.True(
                JsonNode.DeepEquals(cached["data"], fresh["data"]),
                $"request {i}: {query} "
                    + $"{System.Text.Json.JsonSerializer.Serialize(sent)}\ncached: {cached.ToJsonString()}\nfresh:  {fresh.ToJsonString()}"
            );
        }
        var hits = counter.Hits - before.Hits;
        var misses = counter.Misses - before.Misses;
        Assert.True(hits + misses >= requests * 9 / 10, $"{hits} hits and {misses} misses for {requests} requests");
        Assert.True(hits * 3 >= requests, $"only {hits} of {requests} requests were cache hits");
    }

    [Fact]
    public async Task Texts_that_differ_only_in_layout_commas_and_comments_share_one_cached_answer()
    {
        var caller = _identity.Token([WelfareRoles.Analyst], ScopeClaim.National, subject: "analyst-layout");
        const string compact = "{ centerTotals { total { residents } } }";
        const string spread = "# residents, as the dashboard's card asks\nquery {\n  centerTotals {\n    total { residents, }\n  }\n}\n";
        const string other = "{ centerTotals(groupBy: [COUNTY]) { total { residents } } }";
        var cached = Residents(await PostAsync(_cached, caller, compact, new { }));

        // A change made behind the servers' backs does not move the data version: from here on only a cached answer
        // can still give the old figure.
        await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database};Pooling=false"))
        {
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = "UPDATE centers SET residents = residents + 7 WHERE id = (SELECT MIN(id) FROM centers)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var now = Residents(await PostAsync(_uncached, caller, compact, new { }));
        Assert.Equal(cached + 7, now);

        Assert.Equal(cached, Residents(await PostAsync(_cached, caller, spread, new { }))); // the same question: the kept answer
        Assert.Equal(now, Residents(await PostAsync(_cached, caller, other, new { }))); // another question: read afresh
    }

    private static long Residents(JsonNode body)
    {
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["centerTotals"]!["total"]!["residents"]!.GetValue<long>();
    }

    /// <summary>One write of each kind that can change an answer, with a value drawn each time.</summary>
    private static Func<Random, string>[] Writes() =>
        [
            r =>
                $$"""mutation { upsertContributions(input: { sourceSystem: "cache", """
                + $$"""items: [{ externalId: "c-{{r.Next()}}", date: "1403-05-02", """
                + """countyCode: "IR-19-07", type: CASH, sector: CHARITY, channel: CHARITY_INSTITUTION, """
                + $$"""amountRial: {{r.Next(1, 9_000_000)}} }] }) { inserted errors { code } } }""",
            r =>
                $$"""mutation { upsertCounties(items: [{ code: "IR-19-07", nameFa: "شهرستان {{r.Next(100)}}", nameEn: "County", """
                + $$"""provinceCode: "IR-19", totalHouseholds: {{r.Next(1_000, 90_000)}} }]) { updated errors { code } } }""",
            r =>
                $$"""mutation { upsertCenters(items: [{ code: "CE-CACHE-1", name: "مرکز {{r.Next(100)}}", """
                + """countyCode: "IR-19-07", kind: ELDERLY, ownership: GOVERNMENT, """
                + $$"""capacity: 80, residents: {{r.Next(1, 80)}} }]) { inserted updated errors { code } } }""",
            r =>
                $$"""mutation { upsertHouseholds(input: { sourceSystem: "cache", """
                + $$"""items: [{ nationalId: "4311223344", countyCode: "IR-19-07", benefit: PENSION, """
                + $$"""coveredSince: "1403-02-01", members: {{r.Next(1, 9)}} }] }) { inserted updated errors { code } } }""",
            r =>
                $$"""mutation { upsertProvinces(items: [{ code: "IR-19", nameFa: "زنجان", """
                + $$"""nameEn: "Zanjan {{r.Next(100)}}" }]) { updated errors { code } } }""",
            _ => """mutation { retractContributions(sourceSystem: "demo", externalIds: ["never-there"], reason: "test") { retracted } }""",
            _ => """mutation { closePeriod(province: "IR-19", year: 1403, month: 2) { year } }""",
            _ => """mutation { reopenPeriod(province: "IR-19", year: 1403, month: 2) }""",
        ];

    private async Task WriteAsync(string token, string mutation)
    {
        var body = await PostAsync(_cached, token, mutation, new { });
        Assert.True(body["errors"] is null, mutation + "\n" + body.ToJsonString());
        Assert.NotNull(body["extensions"]?["dataVersion"]);
    }

    private static async Task<JsonNode> PostAsync(WelfareGraphFactory server, string token, string query, object variables)
    {
        using var client = TestIdentity.Authorize(server.CreateClient(), token);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];

    public void Dispose()
    {
        _cached.Dispose();
        _uncached.Dispose();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }
}

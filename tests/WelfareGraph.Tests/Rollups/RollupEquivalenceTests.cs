using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Analytics;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Rollups;

/// <summary>
/// Two servers on one database, one answering from the rollups where they can and one with
/// <c>Analytics:UseRollups</c> off. Random totals requests (dimensions, conditions, periods, having, order,
/// first, rollup, gap filling, comparisons, units) from callers of different scopes, with random writes between
/// them (inserts, updates that move records between cells, retractions): every answer is the same text on both,
/// the audit entries show that at least half were answered from the rollup, and afterwards every cell of the
/// rollup equals the facts.
/// </summary>
public abstract class RollupEquivalenceTests(RollupServers servers)
{
    private const string Totals = """
        query($g: [ContributionDimension!], $w: ContributionFilterInput, $p: PeriodInput, $h: ContributionMeasureFilterInput,
              $o: [ContributionGroupSortInput!], $f: Int, $r: Boolean, $gaps: Boolean, $c: Comparison, $u: MoneyUnit) {
          contributionTotals(groupBy: $g, where: $w, period: $p, having: $h, order: $o, first: $f, rollup: $r, fillGaps: $gaps,
                             compareTo: $c, unit: $u) {
            total { sum count min max average comparison { sum count } growth }
            groups {
              key { province { code } county { code } type sector intent channel year quarter month period center { code }
                charity { code } }
              sum count min max average share growth subtotal comparison { sum count }
            }
          }
        }
        """;

    [Fact]
    public async Task Answers_from_the_rollup_equal_answers_from_the_facts_across_random_requests_and_writes()
    {
        var identity = servers.Identity;
        string[] callers =
        [
            identity.Token([WelfareRoles.Analyst], ScopeClaim.National, subject: "rollup-ir"),
            identity.Token([WelfareRoles.Analyst], "IR-19", subject: "rollup-19"),
            identity.Token([WelfareRoles.Analyst], "IR-19-07", subject: "rollup-19-07"),
        ];
        var writer = identity.Token([WelfareRoles.Integration], ScopeClaim.National, scp: null, subject: "rollup-writer");
        var random = new Random(15);
        var written = new List<string>();
        const int requests = 300;
        var answered = 0;
        for (var i = 0; i < requests; i++)
        {
            if (i % 6 == 5)
                await WriteAsync(writer, random, written);
            var variables = RandomRequest(random);
            var caller = callers[random.Next(callers.Length)];
            var fromRollup = await PostAsync(servers.WithRollups, caller, Totals, variables);
            var fromFacts = await PostAsync(servers.WithoutRollups, caller, Totals, variables);
            Assert.True(
                fromRollup == fromFacts,
                $"request {i}: {JsonSerializer.Serialize(variables)}\nrollup: {fromRollup}\nfacts:  {fromFacts}"
            );
            if (JsonNode.Parse(fromFacts)!["errors"] is null)
                answered++;
        }
        Assert.True(answered >= requests * 8 / 10, $"only {answered} of {requests} random requests were answered without errors");

        await using var db = servers.System();
        var sources = await db
            .AuditLog.Where(a => a.Fields == "contributionTotals" && a.Subject.StartsWith("rollup-"))
            .GroupBy(a => a.Source)
            .Select(g => new { Source = g.Key, Count = g.Count() })
            .ToListAsync();
        // "county-rollup", "rollup" or both ("county-rollup+rollup", when a comparison period needs the finer cells).
        var fromCells = sources
            .Where(s => s.Source?.Split('+').All(part => part is ContributionSource.CountyRollup or ContributionSource.Rollup) == true)
            .Sum(s => s.Count);
        Assert.True(
            fromCells * 2 >= requests,
            $"{fromCells} of {requests} requests were answered from the rollups: {JsonSerializer.Serialize(sources)}"
        );
        // Both rollups answered some requests by themselves.
        Assert.All(
            [ContributionSource.CountyRollup, ContributionSource.Rollup],
            rollup => Assert.Contains(sources, s => s.Source == rollup && s.Count > 0)
        );
        // The server with rollups off answered every request from the facts.
        Assert.True(sources.Where(s => s.Source == "facts").Sum(s => s.Count) >= requests, JsonSerializer.Serialize(sources));
        Assert.Equal(0L, await MonthlyRollup.VerifyAsync(db));
        Assert.True(written.Count > 0);
    }

    private static Dictionary<string, object?> RandomRequest(Random r)
    {
        var variables = new Dictionary<string, object?>();
        string[] carried = ["PROVINCE", "COUNTY", "TYPE", "SECTOR", "INTENT", "CHANNEL", "YEAR", "QUARTER", "MONTH", "MONTH_OF_YEAR"];
        var groupBy = carried.OrderBy(_ => r.Next()).Take(r.Next(0, 4)).ToList();
        if (r.Next(10) == 0)
            groupBy.Add(r.Next(2) == 0 ? "CENTER" : "CHARITY"); // cells carry neither: the facts answer
        variables["g"] = groupBy;
        object? where = r.Next(10) switch
        {
            0 or 1 => null,
            2 => new { county = new { code = new { eq = $"IR-19-0{r.Next(1, 9)}" } } },
            3 => new { type = new { @in = new[] { "CASH", "IN_KIND" } } },
            4 => new { sector = new { eq = "CHARITY" } },
            5 => new { or = new object[] { new { channel = new { eq = "ONLINE" } }, new { intent = new { eq = "LIVELIHOOD" } } } },
            6 => new { solarMonth = new { gte = r.Next(1, 12) }, county = new { province = new { code = new { eq = "IR-19" } } } },
            7 => new { amountRial = new { gt = 5_000_000 } }, // the amount is not in a cell: facts
            8 => new { date = new { gte = "2024-11-05" } }, // nor the day: facts
            _ => new { and = new object[] { new { type = new { neq = "VOLUNTEER_SERVICE" } }, new { solarYear = new { eq = 1403 } } } },
        };
        if (where is not null)
            variables["w"] = where;
        object? period = r.Next(7) switch
        {
            0 => null,
            1 => new { year = 1404 },
            2 => new { year = 1403, quarter = r.Next(1, 5) },
            3 => new
            {
                year = 1404,
                fromMonth = r.Next(1, 4),
                toMonth = r.Next(4, 10),
            },
            4 => new { from = "2024-03-20", to = "2025-03-20" }, // the whole of 1403, as days: whole months all the same
            5 => new { from = "2024-09-22", to = "2025-06-21" }, // Mehr 1403 to Khordad 1404, across the year
            _ => new { from = "2024-06-05", to = "2024-09-10" }, // days inside months: facts
        };
        if (period is not null)
            variables["p"] = period;
        if (r.Next(4) == 0)
            variables["h"] = r.Next(2) == 0 ? new { sum = new { gte = 10_000_000 } } : new { count = new { gt = 3 } };
        variables["o"] = r.Next(5) switch
        {
            0 => new object[] { new { sum = "DESC" } },
            1 => new object[] { new { count = "ASC" }, new { county = "DESC" } },
            2 => new object[] { new { max = "DESC" } },
            _ => null,
        };
        if (r.Next(4) == 0)
            variables["f"] = r.Next(1, 6);
        if (r.Next(5) == 0)
            variables["r"] = true;
        if (r.Next(5) == 0 && period is not null)
            variables["gaps"] = true;
        if (r.Next(5) == 0 && period is not null)
            variables["c"] = r.Next(2) == 0 ? "PREVIOUS_PERIOD" : "SAME_PERIOD_LAST_YEAR";
        variables["u"] = r.Next(2) == 0 ? "RIAL" : "TOMAN";
        return variables.Where(v => v.Value is not null).ToDictionary();
    }

    /// <summary>An insert, an update that moves an earlier record to another cell, or a retraction of earlier records.</summary>
    private async Task WriteAsync(string token, Random r, List<string> written)
    {
        string[] counties = ["IR-19-01", "IR-19-02", "IR-19-07"];
        string Item(string id) =>
            $$"""{ externalId: "{{id}}", date: "{{(r.Next(2) == 0 ? 1403 : 1404)}}-{{r.Next(1, 10):D2}}-{{r.Next(1, 29):D2}}", """
            + $$"""countyCode: "{{counties[r.Next(counties.Length)]}}", """
            + $$"""type: {{(r.Next(2) == 0 ? "CASH" : "IN_KIND")}}, """
            + $$"""sector: {{(r.Next(2) == 0 ? "CHARITY" : "GOVERNMENT")}}, """
            + $$"""intent: {{(r.Next(2) == 0 ? "LIVELIHOOD" : "UNRESTRICTED")}}, """
            + $$"""channel: {{(r.Next(2) == 0 ? "ONLINE" : "BANK_ACCOUNT")}}, """
            + $$"""amountRial: {{r.Next(1, 90_000_000)}} }""";
        string mutation;
        var kind = written.Count < 3 ? 0 : r.Next(3);
        if (kind == 2)
        {
            var retracted = written.OrderBy(_ => r.Next()).Take(2).ToList();
            written.RemoveAll(retracted.Contains);
            mutation =
                $$"""mutation { retractContributions(sourceSystem: "rollup-test", """
                + $$"""externalIds: [{{string.Join(", ", retracted.Select(id => $"\"{id}\""))}}], """
                + $$"""reason: "test") { retracted errors { code } } }""";
        }
        else
        {
            var ids = Enumerable.Range(0, 4).Select(_ => $"r-{written.Count + r.Next(1_000_000)}").ToList();
            if (kind == 1)
                ids = [.. ids.Take(2), .. written.OrderBy(_ => r.Next()).Take(2)]; // moved: new date, county, type, amount
            written.AddRange(ids.Except(written));
            mutation =
                $$"""mutation { upsertContributions(input: { sourceSystem: "rollup-test", """
                + $$"""items: [{{string.Join(", ", ids.Select(Item))}}] }) { inserted updated errors { code message } } }""";
        }
        var body = JsonNode.Parse(await PostAsync(servers.WithRollups, token, mutation, new Dictionary<string, object?>()))!;
        Assert.True(body["errors"] is null, mutation + "\n" + body.ToJsonString());
        var result = body["data"]!.AsObject().Single().Value!;
        Assert.True(result["errors"]!.AsArray().Count == 0, mutation + "\n" + body.ToJsonString());
    }

    /// <summary>The response's data and errors as text (the extensions carry timings and versions, which may differ).</summary>
    private static async Task<string> PostAsync(
        WelfareGraphFactory server,
        string token,
        string query,
        Dictionary<string, object?> variables
    )
    {
        using var client = TestIdentity.Authorize(server.CreateClient(), token);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("extensions");
        return body.ToJsonString();
    }
}

public sealed class SqliteRollupEquivalenceTests(SqliteRollupServers servers)
    : RollupEquivalenceTests(servers),
        IClassFixture<SqliteRollupServers>;

public sealed class PostgresRollupEquivalenceTests(PostgresRollupServers servers)
    : RollupEquivalenceTests(servers),
        IClassFixture<PostgresRollupServers>;

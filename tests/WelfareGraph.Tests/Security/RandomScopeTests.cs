using System.Text.Json.Nodes;
using WelfareGraph.Contributions;
using WelfareGraph.Data.Generation;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Security;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Hundreds of requests, each with a random <c>welfare_scope</c> (national, provinces, counties, codes that
/// name nothing; as a JSON array or a space-separated string) and a random question — lists with random
/// <c>where</c> filters (some naming counties outside the scope), grouped totals, the report, single rows —
/// whose answers must equal what plain C# computes over the generated rows inside that scope: never a row,
/// group or total from outside it, and never empty where the scope holds data.
/// </summary>
public abstract class RandomScopeTests(ScopedDataServer server, ITestOutputHelper output)
{
    private const int Requests = 220;

    private static readonly string[] ExtraCodes = ["IR-05", "IR-19-09", "IR-30-01", "IR-99", "not-a-code"];

    [Fact]
    public async Task Every_answer_is_exactly_the_scoped_answer()
    {
        var random = new Random(20260101);
        var failures = new List<string>();
        var nonEmpty = 0;
        var kinds = new Dictionary<string, int>();
        for (var i = 0; i < Requests; i++)
        {
            var scope = RandomScope(random);
            var check = RandomCheck(random, scope);
            kinds[check.Kind] = kinds.GetValueOrDefault(check.Kind) + 1;
            var token = server.Identity.Token([check.Role], scope.Claim, subject: $"caller-{i % 7}");
            var (status, body) = await server.PostAsync(token, check.Query, check.Variables);
            if (check.ExpectsData)
                nonEmpty++;
            try
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, status);
                check.Verify(body!);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or NullReferenceException or InvalidOperationException)
            {
                failures.Add(
                    $"#{i} {check.Kind} scope [{scope.Describe()}]: {e.Message}\n  query: {check.Query}\n  "
                        + $"variables: {System.Text.Json.JsonSerializer.Serialize(check.Variables)}\n  "
                        + $"answer: {body?.ToJsonString()[..Math.Min(800, body.ToJsonString().Length)]}"
                );
            }
        }
        output.WriteLine(
            $"{Requests} requests; {nonEmpty} with data in scope; "
                + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))
        );
        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} answers wrong:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(nonEmpty >= Requests / 2, $"Only {nonEmpty} of {Requests} requests had data in scope: the test would prove little.");
        Assert.True(kinds.Count >= 10, "Too few kinds of question: " + string.Join(", ", kinds.Keys));
    }

    // ---- scopes ----------------------------------------------------------------------------------------

    private sealed record Scope(bool National, HashSet<string> Codes, object Claim)
    {
        public string Describe() => National ? "IR" : string.Join(' ', Codes.Order());
    }

    private Scope RandomScope(Random random)
    {
        if (random.Next(8) == 0)
            return new Scope(true, [ScopeClaim.National], random.Next(2) == 0 ? ScopeClaim.National : new[] { ScopeClaim.National });
        var pool = server
            .Set.Counties.Select(c => c.Code)
            .Concat(server.Set.Counties.Select(GeneratedDataSet.ProvinceCodeOf).Distinct())
            .Concat(ExtraCodes)
            .ToArray();
        var codes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => pool[random.Next(pool.Length)]).ToHashSet();
        // Entra writes a multi-valued claim as a JSON array; some issuers write one space-separated string.
        object claim = random.Next(2) == 0 ? codes.ToArray() : string.Join(' ', codes);
        return new Scope(false, codes, claim);
    }

    private bool InScope(Scope scope, County county) =>
        scope.National || scope.Codes.Contains(county.Code) || scope.Codes.Contains(GeneratedDataSet.ProvinceCodeOf(county));

    /// <summary>Provinces a scope shows: every province nationally; else those of its counties and those it names whole.</summary>
    private HashSet<string> VisibleProvinces(Scope scope) =>
        scope.National
            ? [.. ProvinceReferenceData.All.Select(p => p.Code)]
            :
            [
                .. server.Set.Counties.Where(c => InScope(scope, c)).Select(GeneratedDataSet.ProvinceCodeOf),
                .. scope.Codes.Where(code => ProvinceReferenceData.All.Any(p => p.Code == code)),
            ];

    // ---- questions ---------------------------------------------------------------------------------------

    private sealed record Check(string Kind, string Role, string Query, object? Variables, bool ExpectsData, Action<JsonNode> Verify);

    private Check RandomCheck(Random random, Scope scope) =>
        random.Next(12) switch
        {
            0 or 1 => ContributionList(random, scope),
            2 or 3 => ContributionTotals(random, scope),
            4 => HouseholdList(random, scope),
            5 => HouseholdTotals(scope),
            6 => CenterTotals(scope),
            7 => Counties(scope),
            8 => Provinces(scope),
            9 => CentersAndCharities(scope),
            10 => Report(random, scope),
            _ => SingleRows(random, scope),
        };

    /// <summary>A random <c>where</c> on contributions, and the same condition in C#.</summary>
    private (JsonObject? Where, Func<Contribution, bool> Matches) RandomFilter(Random random)
    {
        var counties = server.Set.Counties.Select(c => c.Code).ToArray();
        switch (random.Next(7))
        {
            case 0:
                return (null, _ => true);
            case 1:
                var type = Enum.GetValues<ContributionType>()[random.Next(3)];
                return (new JsonObject { ["type"] = new JsonObject { ["eq"] = EnumName(type) } }, c => c.Type == type);
            case 2:
                var amounts = server.Set.Contributions.Select(c => c.AmountRial).Order().ToArray();
                var threshold = amounts[random.Next(amounts.Length)];
                return (new JsonObject { ["amountRial"] = new JsonObject { ["gte"] = threshold } }, c => c.AmountRial >= threshold);
            case 3:
                // Often names counties outside the scope: a filter can narrow the scope, never widen it.
                var named = new[] { counties[random.Next(counties.Length)], counties[random.Next(counties.Length)] };
                return (
                    new JsonObject
                    {
                        ["county"] = new JsonObject
                        {
                            ["code"] = new JsonObject { ["in"] = new JsonArray(named.Select(n => (JsonNode)n!).ToArray()) },
                        },
                    },
                    c => named.Contains(c.County.Code)
                );
            case 4:
                var year = 1402 + random.Next(3);
                return (new JsonObject { ["solarYear"] = new JsonObject { ["eq"] = year } }, c => c.SolarYear == year);
            case 5:
                var sector = Enum.GetValues<Sector>()[random.Next(2)];
                return (new JsonObject { ["sector"] = new JsonObject { ["eq"] = EnumName(sector) } }, c => c.Sector == sector);
            default:
                var t = Enum.GetValues<ContributionType>()[random.Next(3)];
                var y = 1402 + random.Next(3);
                return (
                    new JsonObject
                    {
                        ["or"] = new JsonArray(
                            new JsonObject { ["type"] = new JsonObject { ["eq"] = EnumName(t) } },
                            new JsonObject { ["solarYear"] = new JsonObject { ["eq"] = y } }
                        ),
                    },
                    c => c.Type == t || c.SolarYear == y
                );
        }
    }

    private Check ContributionList(Random random, Scope scope)
    {
        var (where, matches) = RandomFilter(random);
        var expected = server.Set.Contributions.Where(c => InScope(scope, c.County) && matches(c)).ToList();
        return new Check(
            "contributions",
            WelfareRoles.Analyst,
            "query($w: ContributionFilterInput) { contributions(first: 50, where: $w) "
                + "{ totalCount nodes { amountRial county { code province { code } } } } }",
            new { w = where },
            expected.Count > 0,
            body =>
            {
                var result = Data(body)["contributions"]!;
                Assert.Equal(expected.Count, result["totalCount"]!.GetValue<int>());
                var nodes = result["nodes"]!.AsArray();
                Assert.Equal(Math.Min(50, expected.Count), nodes.Count);
                var allowed = expected.Select(c => c.County.Code).ToHashSet();
                Assert.All(nodes, n => Assert.Contains(n!["county"]!["code"]!.GetValue<string>(), allowed));
            }
        );
    }

    private Check ContributionTotals(Random random, Scope scope)
    {
        var (where, matches) = RandomFilter(random);
        var groupings = new[] { "COUNTY", "PROVINCE", "TYPE", "YEAR", "PROVINCE,TYPE", "COUNTY,SECTOR" };
        var groupBy = groupings[random.Next(groupings.Length)].Split(',');
        var rows = server.Set.Contributions.Where(c => InScope(scope, c.County) && matches(c)).ToList();
        string Key(Contribution c) =>
            string.Join(
                '|',
                groupBy.Select(d =>
                    d switch
                    {
                        "COUNTY" => c.County.Code,
                        "PROVINCE" => GeneratedDataSet.ProvinceCodeOf(c.County),
                        "TYPE" => EnumName(c.Type),
                        "SECTOR" => EnumName(c.Sector),
                        _ => c.SolarYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }
                )
            );
        var expected = rows.GroupBy(Key).ToDictionary(g => g.Key, g => (Sum: (decimal)g.Sum(c => c.AmountRial), Count: g.Count()));
        return new Check(
            "contributionTotals",
            WelfareRoles.Analyst,
            "query($w: ContributionFilterInput, $g: [ContributionDimension!]) { contributionTotals(where: $w, groupBy: $g, unit: RIAL) "
                + "{ total { sum count } groups { key { county { code } province { code } type sector year } sum count } } }",
            new { w = where, g = groupBy },
            rows.Count > 0,
            body =>
            {
                var totals = Data(body)["contributionTotals"]!;
                Assert.Equal(rows.Sum(c => (decimal)c.AmountRial), totals["total"]!["sum"]!.GetValue<decimal>());
                Assert.Equal(rows.Count, totals["total"]!["count"]!.GetValue<int>());
                var actual = totals["groups"]!
                    .AsArray()
                    .ToDictionary(
                        g =>
                            string.Join(
                                '|',
                                groupBy.Select(d =>
                                    d switch
                                    {
                                        "COUNTY" => g!["key"]!["county"]!["code"]!.GetValue<string>(),
                                        "PROVINCE" => g!["key"]!["province"]!["code"]!.GetValue<string>(),
                                        "TYPE" => g!["key"]!["type"]!.GetValue<string>(),
                                        "SECTOR" => g!["key"]!["sector"]!.GetValue<string>(),
                                        _ => g!["key"]!["year"]!
                                            .GetValue<int>()
                                            .ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    }
                                )
                            ),
                        g => (Sum: g!["sum"]!.GetValue<decimal>(), Count: g["count"]!.GetValue<int>())
                    );
                Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
            }
        );
    }

    private Check HouseholdList(Random random, Scope scope)
    {
        var benefit = random.Next(3) switch
        {
            0 => (Benefit?)null,
            1 => Benefit.Pension,
            _ => Benefit.OtherServices,
        };
        var where = benefit is null ? null : new JsonObject { ["benefit"] = new JsonObject { ["eq"] = EnumName(benefit.Value) } };
        var expected = server.Set.Households.Where(h => InScope(scope, h.County) && (benefit is null || h.Benefit == benefit)).ToList();
        return new Check(
            "households",
            WelfareRoles.Auditor,
            "query($w: HouseholdFilterInput) { households(first: 20, where: $w) { totalCount nodes { county { code } } } }",
            new { w = where },
            expected.Count > 0,
            body =>
            {
                var result = Data(body)["households"]!;
                Assert.Equal(expected.Count, result["totalCount"]!.GetValue<int>());
                var allowed = expected.Select(h => h.County.Code).ToHashSet();
                Assert.All(result["nodes"]!.AsArray(), n => Assert.Contains(n!["county"]!["code"]!.GetValue<string>(), allowed));
            }
        );
    }

    private Check HouseholdTotals(Scope scope)
    {
        var asOf = SolarCalendar.ToGregorian(1404, 6, 31);
        var covered = server
            .Set.Households.Where(h => InScope(scope, h.County) && h.CoveredSince <= asOf && !(h.CoveredUntil < asOf))
            .ToList();
        var counties = server.Set.Counties.Where(c => InScope(scope, c)).ToList();
        return new Check(
            "householdTotals",
            WelfareRoles.Analyst,
            """{ householdTotals(groupBy: [COUNTY], asOf: "1404-06-31") { total { count } """
                + """groups { key { county { code } } count suppressed allHouseholds } } }""",
            null,
            covered.Count > 0,
            body =>
            {
                var totals = Data(body)["householdTotals"]!;
                Assert.Equal(covered.Count, totals["total"]!["count"]!.GetValue<int>());
                var groups = totals["groups"]!.AsArray();
                Assert.Equal(
                    counties.Where(c => covered.Any(h => h.County == c)).Select(c => c.Code).Order(),
                    groups.Select(g => g!["key"]!["county"]!["code"]!.GetValue<string>()).Order()
                );
                foreach (var group in groups)
                {
                    var county = counties.Single(c => c.Code == group!["key"]!["county"]!["code"]!.GetValue<string>());
                    Assert.Equal(county.TotalHouseholds, group!["allHouseholds"]!.GetValue<int>());
                    if (!group["suppressed"]!.GetValue<bool>())
                        Assert.Equal(covered.Count(h => h.County == county), group["count"]!.GetValue<int>());
                }
            }
        );
    }

    private Check CenterTotals(Scope scope)
    {
        var centers = server.Set.Centers.Where(c => InScope(scope, c.County)).ToList();
        return new Check(
            "centerTotals",
            WelfareRoles.Analyst,
            "{ centerTotals(groupBy: [COUNTY]) { total { centers capacity residents } "
                + "groups { key { county { code } } centers residents } } }",
            null,
            centers.Count > 0,
            body =>
            {
                var totals = Data(body)["centerTotals"]!;
                Assert.Equal(centers.Count, totals["total"]!["centers"]!.GetValue<int>());
                Assert.Equal(centers.Sum(c => c.Capacity), totals["total"]!["capacity"]!.GetValue<int>());
                Assert.Equal(centers.Sum(c => c.Residents), totals["total"]!["residents"]!.GetValue<int>());
                Assert.Equal(
                    centers.GroupBy(c => c.County.Code).Select(g => (g.Key, g.Sum(c => c.Residents))).Order(),
                    totals["groups"]!
                        .AsArray()
                        .Select(g => (g!["key"]!["county"]!["code"]!.GetValue<string>(), g["residents"]!.GetValue<int>()))
                        .Order()
                );
            }
        );
    }

    private Check Counties(Scope scope)
    {
        var expected = server.Set.Counties.Where(c => InScope(scope, c)).Select(c => c.Code).Order().ToList();
        return new Check(
            "counties",
            WelfareRoles.Analyst,
            "{ counties(first: 50) { totalCount nodes { code } } }",
            null,
            expected.Count > 0,
            body =>
            {
                var result = Data(body)["counties"]!;
                Assert.Equal(expected.Count, result["totalCount"]!.GetValue<int>());
                Assert.Equal(expected, result["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).Order());
            }
        );
    }

    private Check Provinces(Scope scope)
    {
        var expected = VisibleProvinces(scope).Order().ToList();
        return new Check(
            "provinces",
            WelfareRoles.Analyst,
            "{ provinces(first: 50) { totalCount nodes { code counties { code } } } }",
            null,
            expected.Count > 0,
            body =>
            {
                var nodes = Data(body)["provinces"]!["nodes"]!.AsArray();
                Assert.Equal(expected, nodes.Select(n => n!["code"]!.GetValue<string>()).Order());
                foreach (var province in nodes)
                    Assert.Equal(
                        server
                            .Set.Counties.Where(c =>
                                InScope(scope, c) && GeneratedDataSet.ProvinceCodeOf(c) == province!["code"]!.GetValue<string>()
                            )
                            .Select(c => c.Code)
                            .Order(),
                        province!["counties"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Order()
                    );
            }
        );
    }

    private Check CentersAndCharities(Scope scope)
    {
        var centers = server.Set.Centers.Where(c => InScope(scope, c.County)).Select(c => c.Code).Order().ToList();
        var charities = server.Set.Charities.Where(c => InScope(scope, c.County)).Select(c => c.Code).Order().ToList();
        return new Check(
            "centers+charities",
            WelfareRoles.Analyst,
            "{ centers(first: 50) { totalCount nodes { code county { code } } } charities(first: 50) { totalCount nodes { code } } }",
            null,
            centers.Count + charities.Count > 0,
            body =>
            {
                Assert.True(centers.Count <= 50 && charities.Count <= 50, "The generated set outgrew one page.");
                Assert.Equal(centers, Data(body)["centers"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).Order());
                Assert.Equal(centers.Count, Data(body)["centers"]!["totalCount"]!.GetValue<int>());
                Assert.Equal(charities, Data(body)["charities"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).Order());
            }
        );
    }

    private Check Report(Random random, Scope scope)
    {
        var provinces = server.Set.Counties.Select(GeneratedDataSet.ProvinceCodeOf).Distinct().Append("IR-05").ToArray();
        var province = provinces[random.Next(provinces.Length)];
        var (year, fromMonth, toMonth) = random.Next(3) switch
        {
            0 => (1404, 1, 9),
            1 => (1403, 1, 12),
            _ => (1402, 1 + random.Next(6), 7 + random.Next(6)),
        };
        var (from, to) = (SolarCalendar.MonthStart(year, fromMonth), SolarCalendar.MonthEnd(year, toMonth));
        var visible = VisibleProvinces(scope).Contains(province);
        var rows = server
            .Set.Contributions.Where(c =>
                InScope(scope, c.County) && GeneratedDataSet.ProvinceCodeOf(c.County) == province && c.Date >= from && c.Date <= to
            )
            .ToList();
        var covered = server.Set.Households.Count(h =>
            InScope(scope, h.County)
            && GeneratedDataSet.ProvinceCodeOf(h.County) == province
            && h.CoveredSince <= to
            && !(h.CoveredUntil < to)
        );
        return new Check(
            "participationReport",
            WelfareRoles.Analyst,
            "query($p: String!, $period: PeriodInput!) { participationReport(province: $p, period: $period, "
                + "unit: RIAL) { total charities households { covered allHouseholds } centerResidents } }",
            new
            {
                p = province,
                period = new
                {
                    year,
                    fromMonth,
                    toMonth,
                },
            },
            visible && rows.Count > 0,
            body =>
            {
                if (!visible)
                {
                    // A province outside the scope does not exist for the caller.
                    Assert.Null(body["data"]);
                    Assert.Equal("UNKNOWN_PROVINCE", SecuredServer.FirstCode(body));
                    return;
                }
                var report = Data(body)["participationReport"]!;
                Assert.Equal(rows.Sum(c => (decimal)c.AmountRial), report["total"]!.GetValue<decimal>());
                Assert.Equal(
                    rows.Where(c => c.Sector == Sector.Charity).Sum(c => (decimal)c.AmountRial),
                    report["charities"]!.GetValue<decimal>()
                );
                Assert.Equal(covered, report["households"]!["covered"]!.GetValue<int>());
                Assert.Equal(
                    server
                        .Set.Counties.Where(c => InScope(scope, c) && GeneratedDataSet.ProvinceCodeOf(c) == province)
                        .Sum(c => c.TotalHouseholds),
                    report["households"]!["allHouseholds"]!.GetValue<int>()
                );
                Assert.Equal(
                    server
                        .Set.Centers.Where(c => InScope(scope, c.County) && GeneratedDataSet.ProvinceCodeOf(c.County) == province)
                        .Sum(c => c.Residents),
                    report["centerResidents"]!.GetValue<int>()
                );
            }
        );
    }

    private Check SingleRows(Random random, Scope scope)
    {
        var counties = server.Set.Counties.ToArray();
        var county = random.Next(6) == 0 ? "IR-19-09" : counties[random.Next(counties.Length)].Code;
        var inScope = counties.FirstOrDefault(c => c.Code == county) is { } found && InScope(scope, found);
        var province = county[..5];
        var provinceVisible = VisibleProvinces(scope).Contains(province);
        return new Check(
            "county+province",
            WelfareRoles.Analyst,
            "query($c: String!, $p: String!) { county(code: $c) { code province { code } } province(code: $p) { code counties { code } } }",
            new { c = county, p = province },
            inScope,
            body =>
            {
                var data = Data(body);
                if (inScope)
                    Assert.Equal(county, data["county"]!["code"]!.GetValue<string>());
                else
                    Assert.Null(data["county"]);
                if (provinceVisible)
                    Assert.Equal(
                        counties
                            .Where(c => InScope(scope, c) && c.Code.StartsWith(province, StringComparison.Ordinal))
                            .Select(c => c.Code)
                            .Order(),
                        data["province"]!["counties"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Order()
                    );
                else
                    Assert.Null(data["province"]);
            }
        );
    }

    private static JsonNode Data(JsonNode body)
    {
        if (body["errors"] is JsonArray { Count: > 0 } errors)
            throw new Xunit.Sdk.XunitException("errors: " + errors.ToJsonString());
        return body["data"]!;
    }

    private static string EnumName<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
}

public sealed class SqliteRandomScopeTests(SqliteScopedDataServer server, ITestOutputHelper output)
    : RandomScopeTests(server, output),
        IClassFixture<SqliteScopedDataServer>;

public sealed class PostgresRandomScopeTests(PostgresScopedDataServer server, ITestOutputHelper output)
    : RandomScopeTests(server, output),
        IClassFixture<PostgresScopedDataServer>;

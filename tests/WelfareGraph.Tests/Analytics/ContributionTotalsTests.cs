using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// The published Zanjan figures (the province's statement, as the demo data carries them) through the analytics fields, on SQLite and on
/// PostgreSQL.
/// </summary>
public abstract class ContributionTotalsTests(GraphQLClient client)
{
    private const string NineMonths = "period: { year: 1404, fromMonth: 1, toMonth: 9 }";
    private const string Zanjan = """county: { province: { code: { eq: "IR-19" } } }""";

    [Fact]
    public async Task Government_totals_by_type_are_the_published_figures()
    {
        var data = await client.DataAsync(
            $$"""
            { contributionTotals(where: { {{Zanjan}}, sector: { eq: GOVERNMENT } }, {{NineMonths}}, groupBy: [TYPE]) {
                total { sum count } groups { key { type } sum count share } } }
            """
        );
        var totals = data["contributionTotals"]!;
        var byType = totals["groups"]!
            .AsArray()
            .ToDictionary(g => g!["key"]!["type"]!.GetValue<string>(), g => g!["sum"]!.GetValue<decimal>());
        Assert.Equal(5_300_000_000m, byType["CASH"]);
        Assert.Equal(33_600_000_000m, byType["IN_KIND"]);
        Assert.Equal(1_150_000_000m, byType["VOLUNTEER_SERVICE"]);
        Assert.Equal(40_050_000_000m, totals["total"]!["sum"]!.GetValue<decimal>());
        Assert.Equal(1.0, totals["groups"]!.AsArray().Sum(g => g!["share"]!.GetValue<double>()), 10);
    }

    [Fact]
    public async Task County_by_month_groups_add_up_to_the_published_total()
    {
        var data = await client.DataAsync(
            $$"""
            { contributionTotals(where: { {{Zanjan}} }, {{NineMonths}}, groupBy: [COUNTY, MONTH]) {
                total { sum count } groups { key { county { code nameEn province { code } }
                  year month period monthNameFa monthNameEn } sum count } } }
            """
        );
        var totals = data["contributionTotals"]!;
        var groups = totals["groups"]!.AsArray();
        Assert.Equal(8 * 9, groups.Count);
        Assert.Equal(56_050_000_000m, groups.Sum(g => g!["sum"]!.GetValue<decimal>()));
        Assert.Equal(56_050_000_000m, totals["total"]!["sum"]!.GetValue<decimal>());
        Assert.Equal(totals["total"]!["count"]!.GetValue<int>(), groups.Sum(g => g!["count"]!.GetValue<int>()));

        var mehr = groups.First(g =>
            g!["key"]!["county"]!["code"]!.GetValue<string>() == "IR-19-01" && g["key"]!["month"]!.GetValue<int>() == 7
        )!["key"]!;
        Assert.Equal("Zanjan", mehr["county"]!["nameEn"]!.GetValue<string>());
        Assert.Equal("IR-19", mehr["county"]!["province"]!["code"]!.GetValue<string>());
        Assert.Equal(1404, mehr["year"]!.GetValue<int>());
        Assert.Equal("1404-07", mehr["period"]!.GetValue<string>());
        Assert.Equal("مهر", mehr["monthNameFa"]!.GetValue<string>());
        Assert.Equal("Mehr", mehr["monthNameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rial_is_ten_times_toman_and_having_compares_in_the_requested_unit()
    {
        const string query = """
            query($unit: MoneyUnit, $min: Decimal) {
              contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY], unit: $unit,
                having: { sum: { gte: $min } }) {
                total { sum } groups { key { county { code } } sum } } }
            """;
        var all = (await client.DataAsync(query, new { unit = "TOMAN", min = 0 }))["contributionTotals"]!;
        var sums = all["groups"]!.AsArray().Select(g => g!["sum"]!.GetValue<decimal>()).Order().ToList();
        var threshold = sums[sums.Count / 2];

        var toman = (await client.DataAsync(query, new { unit = "TOMAN", min = threshold }))["contributionTotals"]!;
        var rial = (await client.DataAsync(query, new { unit = "RIAL", min = threshold * 10 }))["contributionTotals"]!;
        var justAbove = (await client.DataAsync(query, new { unit = "TOMAN", min = threshold + 0.05m }))["contributionTotals"]!;
        Assert.Equal(sums.Count(s => s >= threshold), toman["groups"]!.AsArray().Count);
        Assert.Equal(toman["groups"]!.AsArray().Count, rial["groups"]!.AsArray().Count);
        Assert.Equal(toman["groups"]!.AsArray().Count - 1, justAbove["groups"]!.AsArray().Count);
        Assert.Equal(10 * toman["total"]!["sum"]!.GetValue<decimal>(), rial["total"]!["sum"]!.GetValue<decimal>());
        // The total is the whole filtered set, whatever `having` keeps.
        Assert.Equal(56_050_000_000m, toman["total"]!["sum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Order_and_first_give_the_top_groups()
    {
        var all = (
            await client.DataAsync(
                $$"""{ contributionTotals({{NineMonths}}, groupBy: [COUNTY, TYPE]) """
                    + $$"""{ groups { key { county { code } type } sum count average min max } } }"""
            )
        )["contributionTotals"]!["groups"]!.AsArray();
        var top = (
            await client.DataAsync(
                $$"""{ contributionTotals({{NineMonths}}, groupBy: [COUNTY, TYPE], order: [{ sum: DESC }], """
                    + $$"""first: 5) { total { sum } groups { key { county { code } type } sum } } }"""
            )
        )["contributionTotals"]!;
        var expected = all.OrderByDescending(g => g!["sum"]!.GetValue<decimal>()).Take(5).Select(Key).ToList();
        Assert.Equal(expected, top["groups"]!.AsArray().Select(Key).ToList());
        Assert.Equal(56_050_000_000m, top["total"]!["sum"]!.GetValue<decimal>());

        var byCode = (
            await client.DataAsync(
                $$"""{ contributionTotals({{NineMonths}}, groupBy: [COUNTY, TYPE], """
                    + $$"""order: [{ county: DESC }, { type: ASC }]) { groups { key { county { code } type } } } }"""
            )
        )["contributionTotals"]!["groups"]!
            .AsArray()
            .Select(Key)
            .ToList();
        Assert.Equal(
            all.Select(Key).OrderByDescending(k => k.Split('/')[0], StringComparer.Ordinal).ThenBy(k => TypeOrder(k.Split('/')[1])),
            byCode
        );

        foreach (var group in all)
        {
            var (sum, count) = (group!["sum"]!.GetValue<decimal>(), group["count"]!.GetValue<int>());
            Assert.Equal(sum / count, group["average"]!.GetValue<decimal>(), 6);
            Assert.True(group["min"]!.GetValue<decimal>() <= group["max"]!.GetValue<decimal>());
        }
        static int TypeOrder(string type) => Array.IndexOf(["CASH", "IN_KIND", "VOLUNTEER_SERVICE"], type);
    }

    [Fact]
    public async Task Rollup_adds_subtotals_that_follow_their_children_and_a_grand_total()
    {
        var groups = (
            await client.DataAsync(
                $$"""{ contributionTotals({{NineMonths}}, groupBy: [SECTOR, TYPE], """
                    + $$"""rollup: true) { groups { key { sector type } sum subtotal } } }"""
            )
        )["contributionTotals"]!["groups"]!
            .AsArray()
            .Select(g => g!)
            .ToList();
        Assert.Equal(2 * 3 + 2 + 1, groups.Count);
        var grand = groups[^1];
        Assert.True(grand["subtotal"]!.GetValue<bool>());
        Assert.Null(grand["key"]!["sector"]);
        Assert.Equal(56_050_000_000m, grand["sum"]!.GetValue<decimal>());
        // GOVERNMENT's three types, then its subtotal (type null), then CHARITY's.
        Assert.Equal(
            [
                "GOVERNMENT/CASH",
                "GOVERNMENT/IN_KIND",
                "GOVERNMENT/VOLUNTEER_SERVICE",
                "GOVERNMENT/-",
                "CHARITY/CASH",
                "CHARITY/IN_KIND",
                "CHARITY/VOLUNTEER_SERVICE",
                "CHARITY/-",
                "-/-",
            ],
            groups.Select(g => $"{g["key"]!["sector"]?.GetValue<string>() ?? "-"}/{g["key"]!["type"]?.GetValue<string>() ?? "-"}").ToList()
        );
        Assert.Equal(40_050_000_000m, groups[3]["sum"]!.GetValue<decimal>());
        Assert.Equal(16_000_000_000m, groups[7]["sum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Fill_gaps_returns_zero_rows_for_months_without_contributions()
    {
        // Months 10–12 of 1404 have no demo data yet.
        var groups = (
            await client.DataAsync(
                """{ contributionTotals(period: { year: 1404 }, groupBy: [MONTH], """
                    + """fillGaps: true) { groups { key { period } sum count average } } }"""
            )
        )["contributionTotals"]!["groups"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"1404-{m:D2}"), groups.Select(g => g!["key"]!["period"]!.GetValue<string>()));
        Assert.All(groups.Skip(9), g => Assert.Equal(0, g!["count"]!.GetValue<int>()));
        Assert.All(groups.Skip(9), g => Assert.Null(g!["average"]));
        Assert.All(groups.Take(9), g => Assert.True(g!["count"]!.GetValue<int>() > 0));
    }

    [Fact]
    public async Task Same_period_last_year_gives_comparison_and_growth()
    {
        var data = (
            await client.DataAsync(
                $$"""
                { contributionTotals({{NineMonths}}, groupBy: [MONTH], compareTo: SAME_PERIOD_LAST_YEAR) {
                    total { sum comparison { sum count } growth } groups { key { period } sum comparison { sum } growth } } }
                """
            )
        )["contributionTotals"]!;
        var lastYear = (
            await client.DataAsync(
                """{ contributionTotals(period: { year: 1403, fromMonth: 1, toMonth: 9 }, """
                    + """groupBy: [MONTH]) { total { sum count } groups { key { month } sum } } }"""
            )
        )["contributionTotals"]!;
        Assert.Equal(lastYear["total"]!["sum"]!.GetValue<decimal>(), data["total"]!["comparison"]!["sum"]!.GetValue<decimal>());
        var (now, then) = (data["total"]!["sum"]!.GetValue<decimal>(), lastYear["total"]!["sum"]!.GetValue<decimal>());
        Assert.Equal((double)((now - then) / then), data["total"]!["growth"]!.GetValue<double>(), 10);
        var previous = lastYear["groups"]!
            .AsArray()
            .ToDictionary(g => g!["key"]!["month"]!.GetValue<int>(), g => g!["sum"]!.GetValue<decimal>());
        foreach (var group in data["groups"]!.AsArray())
            Assert.Equal(
                previous[int.Parse(group!["key"]!["period"]!.GetValue<string>()[5..])],
                group["comparison"]!["sum"]!.GetValue<decimal>()
            );
    }

    [Fact]
    public async Task Households_by_benefit_are_the_published_figures()
    {
        var data = (
            await client.DataAsync(
                $$"""
                { householdTotals(where: { {{Zanjan}} }, groupBy: [BENEFIT], period: { year: 1404, fromMonth: 1, toMonth: 9 }) {
                    asOf total { count coverageRate allHouseholds suppressed partial } groups { key { benefit }
                      count share coverageRate suppressed } } }
                """
            )
        )["householdTotals"]!;
        Assert.Equal("2025-12-21", data["asOf"]!.GetValue<string>());
        Assert.Equal(30_606, data["total"]!["count"]!.GetValue<int>());
        Assert.Equal(382_575, data["total"]!["allHouseholds"]!.GetValue<int>());
        Assert.Equal(0.08, data["total"]!["coverageRate"]!.GetValue<double>(), 3);
        Assert.False(data["total"]!["partial"]!.GetValue<bool>());
        var groups = data["groups"]!.AsArray().ToDictionary(g => g!["key"]!["benefit"]!.GetValue<string>());
        Assert.Equal(19_361, groups["PENSION"]!["count"]!.GetValue<int>());
        Assert.Equal(11_245, groups["OTHER_SERVICES"]!["count"]!.GetValue<int>());
        Assert.Equal(0.63, groups["PENSION"]!["share"]!.GetValue<double>(), 2);
    }

    [Fact]
    public async Task Grouped_by_county_the_total_still_covers_every_county()
    {
        var data = (
            await client.DataAsync(
                $$"""
                { householdTotals(where: { {{Zanjan}} }, groupBy: [COUNTY], period: { year: 1404, fromMonth: 1, toMonth: 9 }) {
                    total { count allHouseholds } groups { key { county { code totalHouseholds } } count allHouseholds } } }
                """
            )
        )["householdTotals"]!;
        Assert.Equal(382_575, data["total"]!["allHouseholds"]!.GetValue<int>());
        var groups = data["groups"]!.AsArray();
        Assert.Equal(8, groups.Count);
        Assert.All(
            groups,
            g => Assert.Equal(g!["key"]!["county"]!["totalHouseholds"]!.GetValue<int>(), g["allHouseholds"]!.GetValue<int>())
        );
        Assert.Equal(382_575, groups.Sum(g => g!["allHouseholds"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Household_totals_refuse_filters_finer_than_county_and_benefit()
    {
        var json = await client.QueryAsync("""{ householdTotals(where: { members: { eq: 3 } }) { total { count } } }""");
        Assert.Equal("FILTER_NOT_ALLOWED", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Center_totals_match_the_report()
    {
        var data = await client.DataAsync(
            """
            { centerTotals(groupBy: [COUNTY, KIND]) { total { centers capacity residents occupancy }
              groups { key { county { code } kind } centers capacity residents occupancy } }
              participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }) { centerResidents } }
            """
        );
        var totals = data["centerTotals"]!;
        Assert.Equal(data["participationReport"]!["centerResidents"]!.GetValue<int>(), totals["total"]!["residents"]!.GetValue<int>());
        Assert.True(totals["total"]!["residents"]!.GetValue<int>() > 1_000);
        Assert.Equal(
            totals["total"]!["residents"]!.GetValue<double>() / totals["total"]!["capacity"]!.GetValue<double>(),
            totals["total"]!["occupancy"]!.GetValue<double>(),
            10
        );
        Assert.Equal(totals["total"]!["centers"]!.GetValue<int>(), totals["groups"]!.AsArray().Sum(g => g!["centers"]!.GetValue<int>()));
        Assert.Contains(
            totals["groups"]!.AsArray(),
            g => g!["key"]!["kind"]!.GetValue<string>() == "INFANT_HOUSE" && g["key"]!["county"]!["code"]!.GetValue<string>() == "IR-19-01"
        );
    }

    private static string Key(JsonNode? group) =>
        $"{group!["key"]!["county"]!["code"]!.GetValue<string>()}/{group["key"]!["type"]!.GetValue<string>()}";
}

public sealed class SqliteContributionTotalsTests(SqliteDemoServer server)
    : ContributionTotalsTests(server.Client),
        IClassFixture<SqliteDemoServer>;

public sealed class PostgresContributionTotalsTests(PostgresDemoServer server)
    : ContributionTotalsTests(server.Client),
        IClassFixture<PostgresDemoServer>;

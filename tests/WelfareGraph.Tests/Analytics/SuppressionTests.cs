using System.Text.Json.Nodes;
using WelfareGraph.Households;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// Small-cell suppression against differencing. The rule: every household figure is the sum of the county ×
/// benefit cells it covers that hold at least k households; smaller cells are withheld from their own row and
/// from every total. These tests hold each published figure to that sum (computed here from the rows), and
/// play random pairs of queries that differ by one county or one benefit against each other: their
/// difference is always 0 or at least k, and never moves with a small cell.
/// </summary>
public sealed class SuppressionTests(SmallCellsServer server) : IClassFixture<SmallCellsServer>
{
    private const int K = 5;

    private const string Query = """
        query($where: HouseholdFilterInput, $groupBy: [HouseholdDimension!], $asOf: LocalDate) {
          householdTotals(where: $where, groupBy: $groupBy, asOf: $asOf) {
            total { count suppressed partial allHouseholds coverageRate }
            groups { key { county { code } benefit } count suppressed partial share coverageRate }
          }
        }
        """;

    private static readonly DateOnly[] Days =
    [
        SmallCellsServer.AsOf,
        SmallCellsServer.AsOf.AddDays(-45),
        SmallCellsServer.AsOf.AddDays(30),
        SmallCellsServer.AsOf.AddDays(-400),
    ];

    [Fact]
    public void The_data_set_has_small_cells_to_protect()
    {
        var cells = Cells(SmallCellsServer.AsOf);
        Assert.Contains(cells.Values, c => c is > 0 and < K);
        Assert.Contains(cells.Values, c => c >= K);
    }

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_figure_is_the_sum_of_the_cells_of_at_least_k(int seed)
    {
        var random = new Random(seed);
        var day = Days[random.Next(Days.Length)];
        var counties = RandomCounties(random);
        Benefit? benefit = random.Next(3) switch
        {
            0 => Benefit.Pension,
            1 => Benefit.OtherServices,
            _ => null,
        };
        var groupBy = new[] { "COUNTY", "BENEFIT" }.Where(_ => random.Next(2) == 0).ToArray();

        var result = await Run(counties, benefit, groupBy, day);
        var cells = Cells(day).Where(c => counties.Contains(c.Key.County) && (benefit is null || c.Key.Benefit == benefit)).ToList();
        AssertPublished(result["total"]!, cells);
        foreach (var group in result["groups"]!.AsArray())
        {
            var county = group!["key"]!["county"]?["code"]?.GetValue<string>();
            var groupBenefit = group["key"]!["benefit"]?.GetValue<string>();
            AssertPublished(
                group,
                cells
                    .Where(c => (county is null || c.Key.County == county) && (groupBenefit is null || Name(c.Key.Benefit) == groupBenefit))
                    .ToList()
            );
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Pairs_of_queries_that_differ_by_one_filter_never_reveal_a_small_cell(int seed)
    {
        var random = new Random(1000 + seed);
        var day = Days[random.Next(Days.Length)];
        var cells = Cells(day);
        // The county or benefit to isolate: one with a small cell, where the data has one.
        var small = cells.Where(c => c.Value is > 0 and < K).Select(c => c.Key).ToList();
        var target = small.Count > 0 ? small[random.Next(small.Count)] : cells.Keys.First();
        var counties = RandomCounties(random).Append(target.County).Distinct().ToList();

        (List<string> Counties, Benefit? Benefit) wide,
            narrow;
        if (random.Next(2) == 0)
            (wide, narrow) = ((counties, null), (counties.Where(c => c != target.County).ToList(), null)); // all counties vs all but one
        else
            (wide, narrow) = ((counties, null), (counties, Other(target.Benefit))); // both benefits vs the other one only

        var a = await Run(wide.Counties, wide.Benefit, [], day);
        var b = narrow.Counties.Count == 0 ? null : await Run(narrow.Counties, narrow.Benefit, [], day);
        var difference = Count(a["total"]!) - (b is null ? 0 : Count(b["total"]!));

        var differing = cells.Where(c => Matches(c.Key, wide) && !Matches(c.Key, narrow)).ToList();
        Assert.Equal(differing.Where(c => c.Value >= K).Sum(c => c.Value), difference);
        Assert.True(difference == 0 || difference >= K, $"a difference of {difference} would single out households");

        // The same pair grouped by county and benefit: rows and columns add up to their totals exactly,
        // so subtracting published cells from a total leaves nothing.
        var grouped = await Run(wide.Counties, wide.Benefit, ["COUNTY", "BENEFIT"], day);
        Assert.Equal(Count(grouped["total"]!), grouped["groups"]!.AsArray().Sum(g => Count(g!)));
        Assert.All(grouped["groups"]!.AsArray(), g => Assert.Equal(g!["count"] is null, g["suppressed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Rows_and_columns_add_up_to_their_totals()
    {
        var all = ServerCounties();
        var cells = await Run(all, null, ["COUNTY", "BENEFIT"], SmallCellsServer.AsOf);
        var rows = await Run(all, null, ["COUNTY"], SmallCellsServer.AsOf);
        var columns = await Run(all, null, ["BENEFIT"], SmallCellsServer.AsOf);
        Assert.Contains(cells["groups"]!.AsArray(), g => g!["suppressed"]!.GetValue<bool>());

        foreach (var row in rows["groups"]!.AsArray())
        {
            var code = row!["key"]!["county"]!["code"]!.GetValue<string>();
            Assert.Equal(
                Count(row),
                cells["groups"]!.AsArray().Where(c => c!["key"]!["county"]!["code"]!.GetValue<string>() == code).Sum(c => Count(c!))
            );
        }
        foreach (var column in columns["groups"]!.AsArray())
        {
            var benefit = column!["key"]!["benefit"]!.GetValue<string>();
            Assert.Equal(
                Count(column),
                cells["groups"]!.AsArray().Where(c => c!["key"]!["benefit"]!.GetValue<string>() == benefit).Sum(c => Count(c!))
            );
        }
        Assert.Equal(Count(rows["total"]!), rows["groups"]!.AsArray().Sum(g => Count(g!)));
        Assert.Equal(Count(rows["total"]!), columns["groups"]!.AsArray().Sum(g => Count(g!)));
        Assert.True(rows["total"]!["partial"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_report_and_household_totals_withhold_the_same_cells()
    {
        var data = await server.Client.DataAsync(
            """
            { participationReport(province: "IR-20", period: { year: 1404, fromMonth: 1, toMonth: 6 })
                { households { covered pensioners otherServices } }
              householdTotals(where: { county: { province: { code: { eq: "IR-20" } } } }, groupBy: [BENEFIT], asOf: "1404-06-31")
                { total { count } groups { key { benefit } count } } }
            """
        );
        var report = data["participationReport"]!["households"]!;
        var totals = data["householdTotals"]!;
        Assert.Equal(Count(totals["total"]!), report["covered"]!.GetValue<int>());
        Assert.Equal(
            totals["groups"]!.AsArray().Where(g => g!["key"]!["benefit"]!.GetValue<string>() == "PENSION").Sum(g => Count(g!)),
            report["pensioners"]!.GetValue<int>()
        );
        var exact = Cells(SmallCellsServer.AsOf).Values.Sum();
        Assert.True(report["covered"]!.GetValue<int>() < exact, "the report must not carry the withheld cells either");
    }

    private async Task<JsonNode> Run(IReadOnlyCollection<string> counties, Benefit? benefit, string[] groupBy, DateOnly day)
    {
        object where = benefit is null
            ? new { county = new { code = new { @in = counties } } }
            : new { county = new { code = new { @in = counties } }, benefit = new { eq = Name(benefit.Value) } };
        return (
            await server.Client.DataAsync(
                Query,
                new
                {
                    where,
                    groupBy,
                    asOf = day.ToString("yyyy-MM-dd"),
                }
            )
        )["householdTotals"]!;
    }

    /// <summary>Covered households per county × benefit on <paramref name="day"/>, from the generated rows.</summary>
    private Dictionary<(string County, Benefit Benefit), int> Cells(DateOnly day) =>
        server
            .Set.Households.Where(h => h.CoveredSince <= day && (h.CoveredUntil is null || h.CoveredUntil >= day))
            .GroupBy(h => (h.County.Code, h.Benefit))
            .ToDictionary(g => g.Key, g => g.Count());

    private static void AssertPublished(JsonNode figure, List<KeyValuePair<(string County, Benefit Benefit), int>> cells)
    {
        var published = cells.Where(c => c.Value >= K).Sum(c => c.Value);
        var withheld = cells.Any(c => c.Value is > 0 and < K);
        var suppressed = published == 0 && withheld;
        Assert.Equal(suppressed, figure["suppressed"]!.GetValue<bool>());
        Assert.Equal(published > 0 && withheld, figure["partial"]!.GetValue<bool>());
        if (suppressed)
        {
            Assert.Null(figure["count"]);
            Assert.Null(figure["coverageRate"]);
        }
        else
            Assert.Equal(published, figure["count"]!.GetValue<int>());
    }

    private List<string> ServerCounties() => server.Set.Counties.Select(c => c.Code).ToList();

    private List<string> RandomCounties(Random random) =>
        ServerCounties().Where(_ => random.Next(3) > 0).DefaultIfEmpty("IR-20-03").ToList();

    private static bool Matches((string County, Benefit Benefit) cell, (List<string> Counties, Benefit? Benefit) filter) =>
        filter.Counties.Contains(cell.County) && (filter.Benefit is null || filter.Benefit == cell.Benefit);

    private static Benefit Other(Benefit benefit) => benefit == Benefit.Pension ? Benefit.OtherServices : Benefit.Pension;

    private static int Count(JsonNode figure) => figure["count"]?.GetValue<int>() ?? 0;

    private static string Name(Benefit benefit) => benefit == Benefit.Pension ? "PENSION" : "OTHER_SERVICES";
}

using Microsoft.EntityFrameworkCore;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying.Sorting;
using WelfareGraph.Tests.Querying;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// The SQL the totals engine sends: SQL Server's through ToQueryString (no server here), and round trips counted on SQLite.
/// </summary>
public sealed class TotalsSqlTests(CountedDemoServer server) : IClassFixture<CountedDemoServer>, IDisposable
{
    public void Dispose() => server.Counter.Reset();

    /// <summary>The first request starts the host (migrations, demo data): count only what comes after.</summary>
    private async Task StartedAsync()
    {
        await server.Client.DataAsync("{ __typename }");
        server.Counter.Reset();
    }

    private static SqlServerWelfareDbContext SqlServer()
    {
        var builder = new DbContextOptionsBuilder<SqlServerWelfareDbContext>();
        DataServiceCollectionExtensions.Configure(
            builder,
            new DatabaseOptions { Provider = DatabaseProvider.SqlServer },
            "Server=unused;Database=WelfareGraph;TrustServerCertificate=true"
        );
        return new SqlServerWelfareDbContext(builder.Options);
    }

    [Fact]
    public void The_main_totals_query_is_one_GROUP_BY_in_SQL_Server()
    {
        using var db = SqlServer();
        var request = new ContributionTotalsRequest
        {
            GroupBy = [ContributionDimension.County, ContributionDimension.Type, ContributionDimension.Month],
            Period = ResolvedPeriod.Months(1404, 1, 9),
        };
        var sql = ContributionTotalsQuery.GroupQuery(ContributionSource.FactsOf(db), request, maxGroups: 50_000).ToQueryString();

        Assert.Contains("SUM([c].[amount_rial])", sql);
        Assert.Contains("COUNT_BIG(*)", sql);
        // In the slicing index's column order (month, county, type), whatever the order of groupBy.
        Assert.Contains("GROUP BY [c].[solar_month], [c].[county_id], [c].[type]", sql);
        Assert.Contains("[c].[solar_year] = @", sql);
        Assert.DoesNotContain("[date]", sql); // whole months of one year use the stored period columns (and the slicing index)
        Assert.DoesNotContain("JOIN", sql);
        Assert.DoesNotContain("MIN(", sql); // min and max only when asked for
        // Every group is read: they are put in key order after SQL, and only the cap on groups is SQL's.
        Assert.DoesNotContain("ORDER BY", sql);
        Assert.Contains("TOP(@p)", sql);
    }

    [Fact]
    public void Having_order_and_first_become_HAVING_ORDER_BY_and_TOP()
    {
        using var db = SqlServer();
        var request = new ContributionTotalsRequest
        {
            GroupBy = [ContributionDimension.County, ContributionDimension.Quarter],
            Period = new ResolvedPeriod(new DateOnly(2024, 3, 20), new DateOnly(2025, 3, 20)),
            Having = new Dictionary<string, object?> { ["sum"] = new Dictionary<string, object?> { ["gte"] = 100.05m } },
            Order = [new GroupSort("county", SortDirection.Asc), new GroupSort("sum", SortDirection.Desc)],
            NeedsMin = true,
        };
        var sql = ContributionTotalsQuery
            .GroupQuery(ContributionSource.FactsOf(db), request with { First = 10 }, maxGroups: 50_000)
            .ToQueryString();

        // 100.05 toman is 1000.5 rial: "at least" that is at least 1001 whole rial, an exact integer comparison.
        Assert.Contains("HAVING COALESCE(SUM([c].[amount_rial]), CAST(0 AS bigint)) >= CAST(1001 AS bigint)", sql);
        Assert.Contains("INNER JOIN (", sql); // counties sort by code
        Assert.Contains("TOP(@p)", sql);
        Assert.Contains(
            "ORDER BY [c1].[code], COALESCE(SUM([c].[amount_rial]), CAST(0 AS bigint)) DESC, [c].[county_id], [c].[solar_quarter]",
            sql
        );
        Assert.Contains("[c].[date] >= @", sql); // a span across years filters on the date
        Assert.Contains("MIN([c].[amount_rial])", sql);
        // 1403 is one Solar Hijri year: its year is a constant, not a GROUP BY column.
        Assert.Contains("GROUP BY [c].[county_id], [c].[solar_quarter], [c1].[code]", sql);
    }

    [Theory]
    [InlineData("groupBy: [TYPE]) { total { sum count } groups { key { type } sum count share }", 1)]
    [InlineData("groupBy: [COUNTY, TYPE, MONTH]) { total { sum } groups { key { type year month period } sum count min max average }", 1)]
    [InlineData("groupBy: [COUNTY, MONTH], rollup: true, fillGaps: true) { total { sum } groups { key { month } sum subtotal }", 1)]
    [InlineData("groupBy: [COUNTY, TYPE]) { groups { key { county { code nameFa province { code } } type } sum }", 2)]
    [InlineData(
        "groupBy: [PROVINCE, COUNTY, CENTER, CHARITY]) { groups { key { province { code } "
            + "county { code } center { code } charity { code } } sum }",
        5
    )]
    [InlineData(
        "groupBy: [MONTH], compareTo: SAME_PERIOD_LAST_YEAR) { total { sum growth } "
            + "groups { key { period } sum comparison { sum } growth }",
        2
    )]
    [InlineData("groupBy: [COUNTY, TYPE], order: [{ sum: DESC }], first: 3) { groups { key { type } sum }", 1)]
    [InlineData("groupBy: [COUNTY, TYPE], order: [{ sum: DESC }], first: 3) { total { sum } groups { key { type } sum share }", 2)]
    public async Task A_totals_field_is_one_round_trip_plus_one_per_comparison_lookup_or_cut_total(string arguments, int commands)
    {
        await StartedAsync();
        var data = await server.Client.DataAsync(
            $$"""{ contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, {{arguments}} } }"""
        );
        Assert.NotEmpty(data["contributionTotals"]!["groups"]!.AsArray());
        Assert.True(
            commands == server.Counter.CommandCount,
            $"{server.Counter.CommandCount} commands:\n{string.Join("\n---\n", server.Counter.Commands)}"
        );
        Assert.Contains("GROUP BY", server.Counter.Commands.First());
        // Groups come back, never fact rows: the demo's ~4,000 contributions of the period stay in the database.
        Assert.True(server.Counter.RowsRead <= 8 * 3 * 9 + 50, $"{server.Counter.RowsRead} rows read");
    }

    [Fact]
    public async Task Household_and_centre_totals_are_a_grouped_count_and_their_area()
    {
        await StartedAsync();
        await server.Client.DataAsync(
            """{ householdTotals(groupBy: [BENEFIT], asOf: "1404-09-30") """
                + """{ total { count coverageRate } groups { key { benefit } count } } }"""
        );
        Assert.Equal(2, server.Counter.CommandCount);
        server.Counter.Reset();
        await server.Client.DataAsync(
            """{ centerTotals(groupBy: [KIND, OWNERSHIP]) { total { residents occupancy } groups { key { kind ownership } centers } } }"""
        );
        Assert.Equal(1, server.Counter.CommandCount);
    }
}

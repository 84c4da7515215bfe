using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// Relative periods and comparisons on fixed as-of dates around Nowruz and at the end of the leap year 1403,
/// against Gregorian ranges worked out here from the published Nowruz dates (Iran's official calendar), not from the
/// server's calendar code, and against sums over the generated rows.
/// </summary>
public abstract class RelativePeriodTests(GeneratedDataServer server)
{
    // The official calendar: 1 Farvardin of each year; 1403 is leap (Esfand 30, 1403 = 2025-03-20).
    private static readonly Dictionary<int, DateOnly> Nowruz = new()
    {
        [1401] = new(2022, 3, 21),
        [1402] = new(2023, 3, 21),
        [1403] = new(2024, 3, 20),
        [1404] = new(2025, 3, 21),
        [1405] = new(2026, 3, 21),
    };

    /// <summary>A Solar Hijri day from Nowruz and the month lengths (31 × 6, then 30).</summary>
    private static DateOnly Day(int year, int month, int day) =>
        Nowruz[year].AddDays((month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly LastDay(int year, int month) => month < 12 ? Day(year, month + 1, 1).AddDays(-1) : Nowruz[year + 1].AddDays(-1);

    public static TheoryData<string, string, string, string, string, string, string> Cases() =>
        new()
        {
            // asOf, relative, compareTo, expected from..to, comparison from..to
            {
                "2025-03-20",
                "THIS_YEAR",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 1, 1)),
                Iso(LastDay(1403, 12)),
                Iso(Day(1402, 1, 1)),
                Iso(LastDay(1402, 12))
            },
            {
                "2025-03-20",
                "YEAR_TO_DATE",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 1, 1)),
                "2025-03-20",
                Iso(Day(1402, 1, 1)),
                Iso(LastDay(1402, 12))
            },
            {
                "2025-03-20",
                "THIS_MONTH",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 12, 1)),
                "2025-03-20",
                Iso(Day(1402, 12, 1)),
                Iso(LastDay(1402, 12))
            },
            {
                "2025-03-21",
                "LAST_MONTH",
                "PREVIOUS_PERIOD",
                Iso(Day(1403, 12, 1)),
                "2025-03-20",
                Iso(Day(1403, 11, 1)),
                Iso(LastDay(1403, 11))
            },
            {
                "2025-03-21",
                "LAST_MONTH",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 12, 1)),
                "2025-03-20",
                Iso(Day(1402, 12, 1)),
                Iso(LastDay(1402, 12))
            },
            {
                "2025-03-21",
                "YEAR_TO_DATE",
                "SAME_PERIOD_LAST_YEAR",
                "2025-03-21",
                "2025-03-21",
                Iso(Day(1403, 1, 1)),
                Iso(Day(1403, 1, 1))
            },
            { "2025-03-21", "YEAR_TO_DATE", "PREVIOUS_PERIOD", "2025-03-21", "2025-03-21", "2025-03-20", "2025-03-20" },
            {
                "2025-03-19",
                "YEAR_TO_DATE",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 1, 1)),
                "2025-03-19",
                Iso(Day(1402, 1, 1)),
                Iso(Day(1402, 12, 29))
            },
            // Esfand 29, 1402 is the last day of a common year: the three complete months before Esfand are Azar–Bahman.
            {
                "2024-03-19",
                "LAST_3_MONTHS",
                "PREVIOUS_PERIOD",
                Iso(Day(1402, 9, 1)),
                Iso(LastDay(1402, 11)),
                Iso(Day(1402, 6, 1)),
                Iso(LastDay(1402, 8))
            },
            {
                "2025-04-20",
                "LAST_QUARTER",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1403, 10, 1)),
                Iso(LastDay(1403, 12)),
                Iso(Day(1402, 10, 1)),
                Iso(LastDay(1402, 12))
            },
            {
                "2025-04-20",
                "LAST_QUARTER",
                "PREVIOUS_PERIOD",
                Iso(Day(1403, 10, 1)),
                Iso(LastDay(1403, 12)),
                Iso(Day(1403, 7, 1)),
                Iso(LastDay(1403, 9))
            },
            {
                "2024-03-20",
                "LAST_12_MONTHS",
                "SAME_PERIOD_LAST_YEAR",
                Iso(Day(1402, 1, 1)),
                Iso(LastDay(1402, 12)),
                Iso(Day(1401, 1, 1)),
                Iso(LastDay(1401, 12))
            },
            {
                "2025-04-05",
                "LAST_6_MONTHS",
                "PREVIOUS_PERIOD",
                Iso(Day(1403, 7, 1)),
                Iso(LastDay(1403, 12)),
                Iso(Day(1403, 1, 1)),
                Iso(LastDay(1403, 6))
            },
            // Mehr 15, 1403: 201 days from Nowruz, compared with the 201 days before it.
            {
                "2024-10-06",
                "YEAR_TO_DATE",
                "PREVIOUS_PERIOD",
                Iso(Day(1403, 1, 1)),
                "2024-10-06",
                Iso(Day(1403, 1, 1).AddDays(-201)),
                Iso(Day(1403, 1, 1).AddDays(-1))
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Relative_periods_and_comparisons_cover_the_right_days(
        string asOf,
        string relative,
        string compareTo,
        string from,
        string to,
        string comparisonFrom,
        string comparisonTo
    )
    {
        var data = await server.Client.DataAsync(
            """
            query($period: PeriodInput, $compareTo: Comparison) {
              contributionTotals(period: $period, compareTo: $compareTo, unit: RIAL) { total { sum count comparison { sum count } growth } }
            }
            """,
            new { period = new { relative, asOf }, compareTo }
        );
        var total = data["contributionTotals"]!["total"]!;

        var (sum, count) = Sum(DateOnly.Parse(from), DateOnly.Parse(to));
        var (previousSum, previousCount) = Sum(DateOnly.Parse(comparisonFrom), DateOnly.Parse(comparisonTo));
        Assert.True(count > 0);
        Assert.Equal(sum, total["sum"]!.GetValue<decimal>());
        Assert.Equal(count, total["count"]!.GetValue<int>());
        Assert.Equal(previousSum, total["comparison"]!["sum"]!.GetValue<decimal>());
        Assert.Equal(previousCount, total["comparison"]!["count"]!.GetValue<int>());
        if (previousSum == 0)
            Assert.Null(total["growth"]);
        else
            Assert.Equal((double)(sum - previousSum) / (double)previousSum, total["growth"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task Month_groups_compare_with_the_same_month_shifted()
    {
        // Esfand 1403 has 30 days, Esfand 1402 29: month buckets still pair up.
        var data = await server.Client.DataAsync(
            """
            { contributionTotals(period: { relative: LAST_6_MONTHS, asOf: "2025-03-21" }, groupBy: [MONTH, TYPE],
              compareTo: PREVIOUS_PERIOD, unit: RIAL) {
                groups { key { year month type } sum comparison { sum } growth } } }
            """
        );
        var groups = data["contributionTotals"]!["groups"]!.AsArray();
        Assert.Equal(6 * 3, groups.Count);
        foreach (var group in groups)
        {
            var (year, month, type) = (
                group!["key"]!["year"]!.GetValue<int>(),
                group["key"]!["month"]!.GetValue<int>(),
                group["key"]!["type"]!.GetValue<string>()
            );
            Assert.Equal(1403, year);
            Assert.InRange(month, 7, 12);
            var rows = server.Set.Contributions.Where(c =>
                c.Type.ToString().Replace("InKind", "IN_KIND").Replace("VolunteerService", "VOLUNTEER_SERVICE").ToUpperInvariant() == type
            );
            var (sum, _) = Sum(Day(1403, month, 1), LastDay(1403, month), rows);
            var (previous, _) = Sum(Day(1403, month - 6, 1), LastDay(1403, month - 6), rows);
            Assert.Equal(sum, group["sum"]!.GetValue<decimal>());
            Assert.Equal(previous, group["comparison"]!["sum"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task Nowruz_is_the_first_day_of_the_year_in_year_groups()
    {
        var data = await server.Client.DataAsync(
            """
            { contributionTotals(period: { from: "2024-03-19", to: "2024-03-20" }, groupBy: [YEAR, MONTH], unit: RIAL)
              { groups { key { period } sum } } }
            """
        );
        var groups = data["contributionTotals"]!["groups"]!
            .AsArray()
            .ToDictionary(g => g!["key"]!["period"]!.GetValue<string>(), g => g!["sum"]!.GetValue<decimal>());
        Assert.Equal(Sum(new(2024, 3, 19), new(2024, 3, 19)).Sum, groups.GetValueOrDefault("1402-12"));
        Assert.Equal(Sum(new(2024, 3, 20), new(2024, 3, 20)).Sum, groups.GetValueOrDefault("1403-01"));
    }

    private (decimal Sum, int Count) Sum(DateOnly from, DateOnly to, IEnumerable<WelfareGraph.Contributions.Contribution>? rows = null)
    {
        var matching = (rows ?? server.Set.Contributions).Where(c => c.Date >= from && c.Date <= to).ToList();
        return (matching.Sum(c => c.AmountRial), matching.Count);
    }
}

public sealed class SqliteRelativePeriodTests(SqliteGeneratedDataServer server)
    : RelativePeriodTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresRelativePeriodTests(PostgresGeneratedDataServer server)
    : RelativePeriodTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

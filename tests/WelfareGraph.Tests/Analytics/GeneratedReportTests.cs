using WelfareGraph.Contributions;
using WelfareGraph.Data.Generation;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// The report on a second generated data set (three provinces, random budgets), against figures computed
/// here in plain C# over the generated rows — so nothing passes by matching published constants.
/// </summary>
public abstract class GeneratedReportTests(GeneratedDataServer server)
{
    private const string Query = """
        query($province: String!, $period: PeriodInput!) {
          participationReport(province: $province, period: $period, unit: RIAL) {
            government { cash inKind volunteerServices total } charities total
            households { covered allHouseholds pensioners otherServices }
            centerResidents
          }
        }
        """;

    public static TheoryData<string, int, int, int> Periods()
    {
        // A fixed seed keeps failures reproducible; the cases still cover every province and odd ranges.
        var random = new Random(7);
        var data = new TheoryData<string, int, int, int>();
        foreach (var province in new[] { "IR-19", "IR-23", "IR-07" })
        {
            data.Add(province, 1404, 1, 9);
            data.Add(province, 1403, 1, 12);
            var year = random.Next(2) == 0 ? 1403 : 1402;
            var from = 1 + random.Next(12);
            data.Add(province, year, from, from + random.Next(13 - from));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Report_equals_sums_over_the_generated_rows(string province, int year, int fromMonth, int toMonth)
    {
        var data = await server.Client.DataAsync(
            Query,
            new
            {
                province,
                period = new
                {
                    year,
                    fromMonth,
                    toMonth,
                },
            }
        );
        var report = data["participationReport"]!;

        // Period boundaries from the Gregorian dates of the rows, not from the stored solar columns.
        var (from, to) = (SolarCalendar.MonthStart(year, fromMonth), SolarCalendar.MonthEnd(year, toMonth));
        var rows = server
            .Set.Contributions.Where(c => GeneratedDataSet.ProvinceCodeOf(c.County) == province && c.Date >= from && c.Date <= to)
            .ToList();
        Assert.NotEmpty(rows);
        long Sum(Sector sector, ContributionType? type = null) =>
            rows.Where(c => c.Sector == sector && (type is null || c.Type == type)).Sum(c => c.AmountRial);

        Assert.Equal(Sum(Sector.Government, ContributionType.Cash), report["government"]!["cash"]!.GetValue<decimal>());
        Assert.Equal(Sum(Sector.Government, ContributionType.InKind), report["government"]!["inKind"]!.GetValue<decimal>());
        Assert.Equal(
            Sum(Sector.Government, ContributionType.VolunteerService),
            report["government"]!["volunteerServices"]!.GetValue<decimal>()
        );
        Assert.Equal(Sum(Sector.Charity), report["charities"]!.GetValue<decimal>());
        Assert.Equal(rows.Sum(c => c.AmountRial), report["total"]!.GetValue<decimal>());

        var covered = server
            .Set.Households.Where(h =>
                GeneratedDataSet.ProvinceCodeOf(h.County) == province && h.CoveredSince <= to && !(h.CoveredUntil < to)
            )
            .ToList();
        Assert.NotEmpty(covered);
        Assert.Equal(covered.Count, report["households"]!["covered"]!.GetValue<int>());
        Assert.Equal(covered.Count(h => h.Benefit == Benefit.Pension), report["households"]!["pensioners"]!.GetValue<int>());
        Assert.Equal(covered.Count(h => h.Benefit == Benefit.OtherServices), report["households"]!["otherServices"]!.GetValue<int>());
        Assert.Equal(
            server.Set.Counties.Where(c => GeneratedDataSet.ProvinceCodeOf(c) == province).Sum(c => c.TotalHouseholds),
            report["households"]!["allHouseholds"]!.GetValue<int>()
        );
        Assert.Equal(
            server.Set.Centers.Where(c => GeneratedDataSet.ProvinceCodeOf(c.County) == province).Sum(c => c.Residents),
            report["centerResidents"]!.GetValue<int>()
        );
    }

    [Fact]
    public async Task Whole_periods_equal_the_budgets_they_were_generated_from()
    {
        foreach (
            var budget in GeneratedDataServer
                .SecondSpec.Budgets.Where(b => b.Sector == Sector.Charity)
                .GroupBy(b => (b.ProvinceCode, b.Year))
        )
        {
            var data = await server.Client.DataAsync(
                Query,
                new
                {
                    province = budget.Key.ProvinceCode,
                    period = new
                    {
                        year = budget.Key.Year,
                        fromMonth = 1,
                        toMonth = budget.Max(b => b.ToMonth),
                    },
                }
            );
            Assert.Equal(budget.Sum(b => b.AmountRial), data["participationReport"]!["charities"]!.GetValue<decimal>());
        }
    }
}

public sealed class SqliteGeneratedReportTests(SqliteGeneratedDataServer server)
    : GeneratedReportTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresGeneratedReportTests(PostgresGeneratedDataServer server)
    : GeneratedReportTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

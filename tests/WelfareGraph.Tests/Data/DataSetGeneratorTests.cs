using WelfareGraph.Contributions;
using WelfareGraph.Data.Generation;
using WelfareGraph.Households;
using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Data;

public sealed class DataSetGeneratorTests
{
    private static readonly GeneratedDataSet Demo = DataSetGenerator.Generate(DemoDataSet.Spec);

    [Fact]
    public void The_demo_holds_the_published_nine_month_figures_in_rial()
    {
        var nineMonths = Demo
            .Contributions.Where(c => c.Date >= new DateOnly(2025, 3, 21) && c.Date <= new DateOnly(2025, 12, 21))
            .ToList();
        Assert.Equal(
            53_000_000_000,
            nineMonths.Where(c => c.Sector == Sector.Government && c.Type == ContributionType.Cash).Sum(c => c.AmountRial)
        );
        Assert.Equal(
            336_000_000_000,
            nineMonths.Where(c => c.Sector == Sector.Government && c.Type == ContributionType.InKind).Sum(c => c.AmountRial)
        );
        Assert.Equal(
            11_500_000_000,
            nineMonths.Where(c => c.Sector == Sector.Government && c.Type == ContributionType.VolunteerService).Sum(c => c.AmountRial)
        );
        Assert.Equal(160_000_000_000, nineMonths.Where(c => c.Sector == Sector.Charity).Sum(c => c.AmountRial));
        Assert.Equal(382_575, Demo.Counties.Sum(c => c.TotalHouseholds));
    }

    [Fact]
    public void Every_county_month_and_type_of_1403_and_1404_has_contributions()
    {
        var months = Enumerable.Range(1, 12).Select(m => (1403, m)).Concat(Enumerable.Range(1, 9).Select(m => (1404, m))).ToList();
        var cells = Demo
            .Contributions.Select(c =>
                (c.County.Code, SolarCalendar.FromGregorian(c.Date).Year, SolarCalendar.FromGregorian(c.Date).Month, c.Type)
            )
            .ToHashSet();
        foreach (var county in Demo.Counties)
        {
            foreach (var (year, month) in months)
            {
                foreach (var type in Enum.GetValues<ContributionType>())
                    Assert.Contains((county.Code, year, month, type), cells);
            }
        }
        Assert.Equal(8, Demo.Counties.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"IR-19-{i:D2}"), Demo.Counties.Select(c => c.Code));
        Assert.All(Enum.GetValues<Intent>(), intent => Assert.Contains(Demo.Contributions, c => c.Intent == intent));
        Assert.All(Enum.GetValues<Channel>(), channel => Assert.Contains(Demo.Contributions, c => c.Channel == channel));
    }

    [Fact]
    public void The_demo_covers_30606_households_on_30_Azar_1404_and_has_exits_and_later_arrivals()
    {
        var asOf = new DateOnly(2025, 12, 21);
        var covered = Demo.Households.Where(h => h.CoveredSince <= asOf && (h.CoveredUntil is null || h.CoveredUntil >= asOf)).ToList();
        Assert.Equal(30_606, covered.Count);
        Assert.Equal(19_361, covered.Count(h => h.Benefit == Benefit.Pension));
        Assert.Contains(Demo.Households, h => h.CoveredUntil < asOf);
        Assert.Contains(Demo.Households, h => h.CoveredSince > asOf);
        Assert.Contains(covered, h => h.CoveredUntil > asOf);
        Assert.True(Demo.Centers.Sum(c => c.Residents) > 1_000);
        Assert.Contains(Demo.Centers, c => c.Kind == WelfareGraph.Centers.CenterKind.InfantHouse && c.County.Code == "IR-19-01");
        Assert.All(Demo.Households, h => Assert.Matches("^[0-9a-f]{64}$", h.Pseudonym));
    }

    [Fact]
    public void Generation_is_deterministic_and_seeds_differ()
    {
        var again = DataSetGenerator.Generate(DemoDataSet.Spec);
        Assert.Equal(
            Demo.Contributions.Select(c => (c.Date, c.AmountRial, c.ExternalId)),
            again.Contributions.Select(c => (c.Date, c.AmountRial, c.ExternalId))
        );
        var a = DataSetGenerator.Generate(RandomDataSet.Spec(1, ["IR-23"], 3, 2_000));
        var b = DataSetGenerator.Generate(RandomDataSet.Spec(2, ["IR-23"], 3, 2_000));
        Assert.NotEqual(a.Contributions.Sum(c => c.AmountRial), b.Contributions.Sum(c => c.AmountRial));
        Assert.InRange(a.Contributions.Count, 1_000, 4_000);
    }

    [Fact]
    public void Solar_period_columns_agree_with_the_date()
    {
        Assert.All(
            Demo.Contributions.Take(500),
            c =>
            {
                var solar = SolarCalendar.FromGregorian(c.Date);
                Assert.Equal((solar.Year, solar.Month, (solar.Month + 2) / 3), (c.SolarYear, c.SolarMonth, c.SolarQuarter));
            }
        );
    }
}

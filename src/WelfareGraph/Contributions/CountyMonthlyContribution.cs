using WelfareGraph.Geography;

namespace WelfareGraph.Contributions;

/// <summary>
/// One cell of the county rollup: the <see cref="MonthlyContribution"/> cells of one Solar Hijri month, county and
/// type, summed over sector, intent and channel — the grain of the usual dashboard (totals by county, type and
/// month). Its size follows the counties and months, not the facts: a national question over nine months reads
/// 124 counties × 3 types × 9 months = 3,348 cells at any number of gifts. Maintained with the monthly rollup in
/// the same transaction, and read instead of it whenever the question needs nothing finer.
/// </summary>
public sealed class CountyMonthlyContribution
{
    public int SolarYear { get; set; }
    public int SolarMonth { get; set; }

    /// <summary>Follows from the month; stored so that grouping by quarter is a plain GROUP BY, as on the facts.</summary>
    public int SolarQuarter { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
    public ContributionType Type { get; set; }

    /// <summary>Sum of <see cref="Contribution.AmountRial"/>.</summary>
    public long SumRial { get; set; }

    /// <summary>How many fact rows the cell holds; a cell with none is deleted.</summary>
    public long RowCount { get; set; }

    public long MinRial { get; set; }
    public long MaxRial { get; set; }
}

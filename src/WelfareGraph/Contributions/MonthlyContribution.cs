using WelfareGraph.Geography;

namespace WelfareGraph.Contributions;

/// <summary>
/// One cell of the monthly rollup: the contributions of one Solar Hijri month, county, type, sector, intent and
/// channel that are not retracted, summed. Maintained in the transaction of every write that changes them, so a
/// cell always equals the facts it stands for; the totals engine reads cells instead of facts whenever the
/// question needs nothing finer. Centres and charities are not carried: with them a cell holds one or two fact
/// rows and the rollup stops being smaller than the facts.
/// </summary>
public sealed class MonthlyContribution
{
    public int SolarYear { get; set; }
    public int SolarMonth { get; set; }

    /// <summary>Follows from the month; stored so that grouping by quarter is a plain GROUP BY, as on the facts.</summary>
    public int SolarQuarter { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
    public ContributionType Type { get; set; }
    public Sector Sector { get; set; }
    public Intent Intent { get; set; }
    public Channel Channel { get; set; }

    /// <summary>Sum of <see cref="Contribution.AmountRial"/>.</summary>
    public long SumRial { get; set; }

    /// <summary>How many fact rows the cell holds; a cell with none is deleted.</summary>
    public long RowCount { get; set; }

    public long MinRial { get; set; }
    public long MaxRial { get; set; }
}

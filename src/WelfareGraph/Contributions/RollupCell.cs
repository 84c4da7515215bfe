using WelfareGraph.Geography;

namespace WelfareGraph.Contributions;

/// <summary>
/// What every rollup's cell holds: its Solar Hijri month, county and type, and the totals of the contributions
/// that fall in it and are not retracted. A rollup's own cell type adds the keys it keeps beyond these.
/// </summary>
public abstract class RollupCell
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

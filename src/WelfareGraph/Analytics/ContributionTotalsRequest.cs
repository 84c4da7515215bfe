using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>The arguments of <c>contributionTotals</c>, checked, and what the selection asks to compute.</summary>
public sealed record ContributionTotalsRequest
{
    public IReadOnlyList<ContributionDimension> GroupBy { get; init; } = [];
    public ResolvedPeriod? Period { get; init; }
    public IDictionary<string, object?>? Having { get; init; }
    public IReadOnlyList<GroupSort> Order { get; init; } = [];
    public int? First { get; init; }
    public MoneyUnit Unit { get; init; } = MoneyUnit.Toman;
    public Comparison? CompareTo { get; init; }
    public bool Rollup { get; init; }
    public bool FillGaps { get; init; }

    /// <summary>Min and max cost the database work: computed only when selected or filtered or sorted on.</summary>
    public bool NeedsMin { get; init; }
    public bool NeedsMax { get; init; }

    /// <summary>The total (or shares, which divide by it) is selected.</summary>
    public bool NeedsTotal { get; init; } = true;

    public IReadOnlyList<Slot> Slots => DimensionSlots.Of(GroupBy);

    /// <summary>The slots of each dimension, for rollup levels.</summary>
    public IReadOnlyList<IReadOnlyList<Slot>> Levels =>
        GroupBy.Distinct().Select(d => (IReadOnlyList<Slot>)DimensionSlots.Of(d).ToList()).ToList();
}

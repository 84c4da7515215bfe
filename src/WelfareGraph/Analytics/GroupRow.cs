using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;

namespace WelfareGraph.Analytics;

/// <summary>
/// The one shape every analytics GROUP BY projects into: a fixed set of nullable key slots (only the
/// grouped ones are bound) and the aggregates. A plain class with settable members, not a record:
/// EF composes <c>Where</c>/<c>OrderBy</c> over member-initialised projections (HAVING, ORDER BY), but
/// cannot see through a positional constructor. Enum slots keep their enum type: converting to int
/// would make EF cast the column and push the GROUP BY into a subquery.
/// </summary>
public class GroupKey
{
    public int? Province { get; set; }
    public int? County { get; set; }
    public ContributionType? Type { get; set; }
    public Sector? Sector { get; set; }
    public Intent? Intent { get; set; }
    public Channel? Channel { get; set; }
    public int? Center { get; set; }
    public int? Charity { get; set; }
    public int? Year { get; set; }
    public int? Quarter { get; set; }
    public int? Month { get; set; }
    public Benefit? Benefit { get; set; }
    public CenterKind? Kind { get; set; }
    public CenterOwnership? Ownership { get; set; }

    // Codes are grouped only when an order sorts by an entity key: ids carry no meaningful order.
    public string? ProvinceCode { get; set; }
    public string? CountyCode { get; set; }
    public string? CenterCode { get; set; }
    public string? CharityCode { get; set; }
}

/// <summary>A group's key with its aggregates; what happens after SQL (rollup, gaps, comparison) fills the rest.</summary>
public sealed class GroupRow : GroupKey
{
    /// <summary>Rows in the group: contributions, households or centres.</summary>
    public long Count { get; set; }

    /// <summary>Contributions: the summed amount, in rial, and the smallest and largest single amount.</summary>
    public long Sum { get; set; }
    public long? Min { get; set; }
    public long? Max { get; set; }

    /// <summary>Centres: their places, and the people living in them.</summary>
    public long Capacity { get; set; }
    public long Residents { get; set; }

    public long? ComparisonSum { get; set; }
    public long? ComparisonCount { get; set; }
    public decimal? Share { get; set; }
    public decimal? Growth { get; set; }
    public bool Subtotal { get; set; }

    /// <summary>For rollup rows: how many leading dimensions the row keeps (0 is the grand total).</summary>
    public int Level { get; set; }

    public GroupRow CopyKey(IReadOnlyCollection<Slot> slots)
    {
        var row = new GroupRow();
        foreach (var slot in slots)
            Slots.Set(row, slot, Slots.Get(this, slot));
        foreach (var slot in slots)
            if (Slots.CodeOf(slot) is { } code)
                code.SetValue(row, code.GetValue(this));
        return row;
    }
}

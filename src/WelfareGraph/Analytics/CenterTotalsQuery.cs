using WelfareGraph.Centers;
using WelfareGraph.Data;

namespace WelfareGraph.Analytics;

/// <summary>Centres, places and residents by province, county, kind and ownership: one GROUP BY; the total adds the groups up.</summary>
public static class CenterTotalsQuery
{
    public static async Task<(GroupRow Total, List<GroupRow> Groups)> RunAsync(
        IQueryable<Center> centers,
        IReadOnlyList<CenterDimension> groupBy,
        CancellationToken cancellationToken
    )
    {
        var slots = groupBy.Select(DimensionSlots.Of).Distinct().ToList();
        var grouped = GroupingBuilder.Group(
            centers,
            FactColumns.Centers,
            slots,
            [],
            new Aggregates<Center>(Capacity: c => (long)c.Capacity, Residents: c => (long)c.Residents)
        );
        var groups = await GroupOrder.Apply(grouped, [], slots).ToListAsync(cancellationToken);
        return (Rollup.Combine(groups, new GroupRow()), groups);
    }

    /// <summary>Residents ÷ places, a fraction; null without places.</summary>
    public static double? Occupancy(GroupRow row) => row.Capacity == 0 ? null : (double)row.Residents / row.Capacity;
}

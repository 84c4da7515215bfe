using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>A published household figure: null with <see cref="Suppressed"/> when only cells below k make it up.</summary>
public sealed record HouseholdCell(GroupKey Key, long? Count, bool Suppressed, bool Partial, long AllHouseholds)
{
    public double? CoverageRate => Count is { } c && AllHouseholds > 0 ? (double)c / AllHouseholds : null;
}

public sealed record HouseholdTotalsResult(DateOnly AsOf, HouseholdCell Total, IReadOnlyList<HouseholdCell> Groups)
{
    public double? Share(HouseholdCell cell) => cell.Count is { } c && Total.Count is > 0 ? (double)c / Total.Count.Value : null;
}

/// <summary>
/// Household stocks on a day, with small-cell suppression applied at the source. SQL counts the covered
/// households of every county × benefit cell (the finest cells any query can isolate); a cell below k is
/// withheld — from its own row and from every total it would fall in — and the requested groups are sums
/// of the published cells. So every figure this API gives is a sum of cells of at least k, and the
/// difference of any two figures is too: no query, or pair of queries, can recover a small cell.
/// </summary>
public static class HouseholdTotalsQuery
{
    /// <summary>The day households are counted on: <c>asOf</c>, else the period's last day, else today in Tehran.</summary>
    public static DateOnly CountingDay(DateOnly? asOf, ResolvedPeriod? period, TimeProvider clock) =>
        asOf ?? period?.To ?? SolarCalendar.TodayInTehran(clock);

    public static async Task<HouseholdTotalsResult> RunAsync(
        WelfareDbContext db,
        IQueryable<Household> households,
        IReadOnlyList<HouseholdDimension> groupBy,
        DateOnly day,
        int threshold,
        CancellationToken cancellationToken
    ) => (await RunAsync(db, households, groupBy, [day], threshold, cancellationToken))[0];

    /// <summary>The same figures on several days (the Power BI model's month ends): one GROUP BY per day, the area read once.</summary>
    public static async Task<List<HouseholdTotalsResult>> RunAsync(
        WelfareDbContext db,
        IQueryable<Household> households,
        IReadOnlyList<HouseholdDimension> groupBy,
        IEnumerable<DateOnly> days,
        int threshold,
        CancellationToken cancellationToken
    )
    {
        // The area: counties holding households that match the filter. Its households (covered or not) are
        // the denominators of coverage rates.
        var area = await db
            .Counties.Where(c => households.Any(h => h.CountyId == c.Id))
            .Select(c => new AreaCounty(c.Id, c.ProvinceId, c.Province.Code, c.Code, c.TotalHouseholds))
            .ToListAsync(cancellationToken);
        var results = new List<HouseholdTotalsResult>();
        foreach (var day in days)
        {
            var cells = await GroupingBuilder
                .Group(households.CoveredOn(day), FactColumns.Households, [Slot.County, Slot.Benefit], [], new Aggregates<Household>())
                .ToListAsync(cancellationToken);
            results.Add(ResultOf(cells, area, groupBy, day, threshold));
        }
        return results;
    }

    /// <summary>The published figures of one day's county × benefit cells (suppression applied).</summary>
    private static HouseholdTotalsResult ResultOf(
        List<GroupRow> cells,
        List<AreaCounty> area,
        IReadOnlyList<HouseholdDimension> groupBy,
        DateOnly day,
        int threshold
    )
    {
        var counties = area.ToDictionary(c => c.Id);
        foreach (var cell in cells)
            cell.Province = counties[cell.County!.Value].ProvinceId;

        var slots = groupBy.Select(DimensionSlots.Of).Distinct().ToList();
        // A key narrows the area only by the keys it carries: the total (no keys) covers the whole area.
        long Denominator(GroupKey key) =>
            area.Where(c => (key.County is null || c.Id == key.County) && (key.Province is null || c.ProvinceId == key.Province))
                .Sum(c => (long)c.TotalHouseholds);
        HouseholdCell Publish(GroupKey key, IEnumerable<GroupRow> members)
        {
            var list = members.ToList();
            var published = list.Where(c => c.Count >= threshold).Sum(c => c.Count);
            var withheld = list.Any(c => c.Count is > 0 && c.Count < threshold);
            return new HouseholdCell(
                key,
                published > 0 || !withheld ? published : null,
                published == 0 && withheld,
                published > 0 && withheld,
                Denominator(key)
            );
        }

        var groups = cells
            .GroupBy(c => Slots.Signature(c, slots))
            .Select(g => Publish(g.First().CopyKey(slots), g))
            .OrderBy(g => g.Key.Province is { } p ? counties.Values.First(c => c.ProvinceId == p).ProvinceCode : "")
            .ThenBy(g => g.Key.County is { } c ? counties[c].Code : "", StringComparer.Ordinal)
            .ThenBy(g => g.Key.Benefit)
            .ToList();
        return new HouseholdTotalsResult(day, Publish(new GroupKey(), cells), groups);
    }

    private sealed record AreaCounty(int Id, int ProvinceId, string ProvinceCode, string Code, int TotalHouseholds);
}

namespace WelfareGraph.Analytics;

/// <summary>
/// <c>rollup: true</c>: a subtotal row for every value of each leading key (trailing keys null,
/// <c>subtotal: true</c>) and a grand total, as SQL's GROUP BY ROLLUP would give — computed from the
/// grouped rows, which already hold every figure a subtotal needs (sums and counts add, min and max
/// take the extreme), so no further query runs.
/// </summary>
public static class Rollup
{
    /// <param name="levels">The slots of each dimension in groupBy order; a month dimension is [year, month].</param>
    public static List<GroupRow> Subtotals(IReadOnlyList<GroupRow> details, IReadOnlyList<IReadOnlyList<Slot>> levels)
    {
        var subtotals = new List<GroupRow>();
        for (var level = levels.Count - 1; level >= 0; level--)
        {
            var kept = Kept(levels, level);
            foreach (var group in details.GroupBy(r => Slots.Signature(r, kept)))
            {
                var row = Combine(group, group.First().CopyKey(kept));
                row.Subtotal = true;
                row.Level = level;
                subtotals.Add(row);
            }
        }
        return subtotals;
    }

    /// <summary>The slots a row of <paramref name="level"/> keeps: those of the first <paramref name="level"/> dimensions.</summary>
    public static List<Slot> Kept(IReadOnlyList<IReadOnlyList<Slot>> levels, int level) =>
        levels.Take(level).SelectMany(l => l).Distinct().ToList();

    /// <summary>Adds up grouped rows into <paramref name="into"/>: the figures of their union.</summary>
    public static GroupRow Combine(IEnumerable<GroupRow> rows, GroupRow into)
    {
        foreach (var row in rows)
        {
            into.Sum += row.Sum;
            into.Capacity += row.Capacity;
            into.Residents += row.Residents;
            into.Count += row.Count;
            into.Min = Extreme(into.Min, row.Min, Math.Min);
            into.Max = Extreme(into.Max, row.Max, Math.Max);
        }
        return into;
    }

    private static long? Extreme(long? a, long? b, Func<long, long, long> pick) =>
        a is null ? b
        : b is null ? a
        : pick(a.Value, b.Value);
}

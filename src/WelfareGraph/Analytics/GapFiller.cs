using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>
/// <c>fillGaps: true</c>: every year, quarter or month of the period gets a row, with sum and count 0 where
/// no contribution fell — for each combination of the other keys that has data (a county with no row at
/// all in the period stays absent: the data cannot say it exists).
/// </summary>
public static class GapFiller
{
    private static readonly Slot[] PeriodSlots = [Slot.Year, Slot.Quarter, Slot.Month];

    public static List<GroupRow> Fill(List<GroupRow> rows, IReadOnlyCollection<Slot> slots, ResolvedPeriod? period)
    {
        var periodSlots = PeriodSlots.Where(slots.Contains).ToList();
        if (periodSlots.Count == 0)
            return rows;
        var buckets = Buckets(rows, periodSlots, period);
        var otherSlots = slots.Except(PeriodSlots).ToList();
        var combos =
            rows.Count == 0 && otherSlots.Count == 0
                ? [new GroupRow()]
                : rows.GroupBy(r => Slots.Signature(r, otherSlots)).Select(g => g.First()).ToList();
        var present = rows.Select(r => Slots.Signature(r, slots)).ToHashSet();

        var filled = new List<GroupRow>(rows);
        foreach (var combo in combos)
        {
            foreach (var bucket in buckets)
            {
                var row = combo.CopyKey(otherSlots);
                foreach (var slot in periodSlots)
                    Slots.Set(row, slot, Slots.Get(bucket, slot));
                if (present.Add(Slots.Signature(row, slots)))
                    filled.Add(row);
            }
        }
        return filled;
    }

    private static List<GroupKey> Buckets(List<GroupRow> rows, List<Slot> periodSlots, ResolvedPeriod? period)
    {
        var indexes = period is not null
            ? []
            : rows.Where(r => r.Year is not null)
                .Select(r => PeriodMath.MonthIndex(r.Year!.Value, r.Month ?? (r.Quarter is { } q ? q * 3 - 2 : 1)))
                .ToList();
        (int First, int Last)? span =
            period is not null ? PeriodMath.MonthSpan(period)
            : indexes.Count > 0 ? (indexes.Min(), indexes.Max())
            : null;
        if (span is not { } s)
            return [];

        var hasYear = periodSlots.Contains(Slot.Year);
        var buckets = new Dictionary<string, GroupKey>();
        for (var index = s.First; index <= s.Last; index++)
        {
            var (year, month) = PeriodMath.FromMonthIndex(index);
            var key = new GroupKey
            {
                Year = hasYear ? year : null,
                Quarter = periodSlots.Contains(Slot.Quarter) ? SolarCalendar.QuarterOf(month) : null,
                Month = periodSlots.Contains(Slot.Month) ? month : null,
            };
            buckets.TryAdd(Slots.Signature(key, periodSlots), key);
        }
        return buckets.Values.ToList();
    }
}

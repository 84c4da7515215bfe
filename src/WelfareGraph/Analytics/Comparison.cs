using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

public enum Comparison
{
    /// <summary>The same length of time just before the period: Mehr–Azar compares with Tir–Shahrivar.</summary>
    PreviousPeriod,

    /// <summary>The same Solar Hijri months (or days) one year earlier.</summary>
    SamePeriodLastYear,
}

/// <param name="MonthShift">
/// How many months the comparison lies before the period, when that is a whole number of months: it maps a
/// MONTH, QUARTER or YEAR group to its counterpart (Mehr 1404 ↔ Mehr 1403). Null for day ranges compared
/// with the days just before them, whose period groups have no counterpart.
/// </param>
public sealed record ComparisonPeriod(ResolvedPeriod Period, int? MonthShift)
{
    public static ComparisonPeriod For(ResolvedPeriod period, Comparison comparison)
    {
        if (PeriodMath.WholeMonths(period) is var (first, last))
        {
            var shift = comparison == Comparison.SamePeriodLastYear ? 12 : last - first + 1;
            return new ComparisonPeriod(PeriodMath.Months(first - shift, last - shift), -shift);
        }
        if (comparison == Comparison.SamePeriodLastYear)
            return new ComparisonPeriod(
                new ResolvedPeriod(PeriodMath.ShiftYears(period.From, -1), PeriodMath.ShiftYears(period.To, -1)),
                -12
            );
        var days = period.To.DayNumber - period.From.DayNumber + 1;
        return new ComparisonPeriod(new ResolvedPeriod(period.From.AddDays(-days), period.From.AddDays(-1)), null);
    }

    /// <summary>
    /// The key a group of the period has in the comparison period: period slots move by the shift, other
    /// slots stay. Null when the group has no counterpart (e.g. a quarter when the shift is two months).
    /// </summary>
    public GroupKey? Counterpart(GroupKey key, IReadOnlyCollection<Slot> slots)
    {
        var shifted = new GroupKey();
        foreach (var slot in slots)
            Slots.Set(shifted, slot, Slots.Get(key, slot));
        var (hasYear, hasQuarter, hasMonth) = (slots.Contains(Slot.Year), slots.Contains(Slot.Quarter), slots.Contains(Slot.Month));
        if (!hasYear && !hasQuarter && !hasMonth)
            return shifted;
        if (MonthShift is not { } shift)
            return null;
        if (hasMonth && key.Month is { } month)
        {
            if (hasYear)
            {
                var (year, shiftedMonth) = PeriodMath.FromMonthIndex(PeriodMath.MonthIndex(key.Year!.Value, month) + shift);
                (shifted.Year, shifted.Month) = (year, shiftedMonth);
            }
            else
                shifted.Month = ((month - 1 + shift) % 12 + 12) % 12 + 1;
            if (hasQuarter)
                shifted.Quarter = SolarCalendar.QuarterOf(shifted.Month!.Value);
            return shifted;
        }
        if (hasQuarter && key.Quarter is { } quarter)
        {
            if (shift % 3 != 0)
                return null;
            var index = (key.Year ?? 0) * 4 + quarter - 1 + shift / 3;
            (shifted.Year, shifted.Quarter) = (hasYear ? index / 4 : null, index % 4 + 1);
            return shifted;
        }
        if (hasYear && key.Year is { } y)
        {
            if (shift % 12 != 0)
                return null;
            shifted.Year = y + shift / 12;
        }
        return shifted;
    }
}

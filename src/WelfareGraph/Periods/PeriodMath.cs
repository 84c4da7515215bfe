namespace WelfareGraph.Periods;

/// <summary>Solar Hijri months as a running index (year × 12 + month − 1), so shifting and spanning periods is arithmetic.</summary>
public static class PeriodMath
{
    public static int MonthIndex(int year, int month) => year * 12 + month - 1;

    public static (int Year, int Month) FromMonthIndex(int index) => (index / 12, index % 12 + 1);

    /// <summary>
    /// The first and last month index of a period made of whole Solar Hijri months; null when it starts or ends mid-month.
    /// </summary>
    public static (int First, int Last)? WholeMonths(ResolvedPeriod period)
    {
        var (from, to) = (SolarCalendar.FromGregorian(period.From), SolarCalendar.FromGregorian(period.To));
        if (from.Day != 1 || to.Day != SolarCalendar.DaysInMonth(to.Year, to.Month))
            return null;
        return (MonthIndex(from.Year, from.Month), MonthIndex(to.Year, to.Month));
    }

    /// <summary>The month indexes a period touches, whole or in part.</summary>
    public static (int First, int Last) MonthSpan(ResolvedPeriod period)
    {
        var (from, to) = (SolarCalendar.FromGregorian(period.From), SolarCalendar.FromGregorian(period.To));
        return (MonthIndex(from.Year, from.Month), MonthIndex(to.Year, to.Month));
    }

    /// <summary>The Solar Hijri year a period lies in, when it lies in one.</summary>
    public static int? SingleYear(ResolvedPeriod? period) =>
        period is null
            ? null
            : period.SolarYear
                ?? (
                    SolarCalendar.FromGregorian(period.From).Year == SolarCalendar.FromGregorian(period.To).Year
                        ? SolarCalendar.FromGregorian(period.From).Year
                        : null
                );

    /// <summary>Whole months as a period; within one year it filters on the stored solar columns.</summary>
    public static ResolvedPeriod Months(int first, int last)
    {
        var ((fromYear, fromMonth), (toYear, toMonth)) = (FromMonthIndex(first), FromMonthIndex(last));
        return fromYear == toYear
            ? ResolvedPeriod.Months(fromYear, fromMonth, toMonth)
            : new ResolvedPeriod(SolarCalendar.MonthStart(fromYear, fromMonth), SolarCalendar.MonthEnd(toYear, toMonth));
    }

    /// <summary>The same Solar Hijri day <paramref name="years"/> earlier; Esfand 30 of a leap year becomes Esfand 29.</summary>
    public static DateOnly ShiftYears(DateOnly date, int years)
    {
        var solar = SolarCalendar.FromGregorian(date);
        var year = solar.Year + years;
        return SolarCalendar.ToGregorian(year, solar.Month, Math.Min(solar.Day, SolarCalendar.DaysInMonth(year, solar.Month)));
    }
}

using GraphQL;

namespace WelfareGraph.Periods;

/// <summary>Turns a <see cref="PeriodInput"/> into dates, with a precise error for every inconsistent input.</summary>
public static class PeriodResolver
{
    public static ResolvedPeriod Resolve(PeriodInput input, TimeProvider? clock = null)
    {
        var kinds =
            (input.Year is not null ? 1 : 0)
            + (input.From is not null || input.To is not null ? 1 : 0)
            + (input.Relative is not null ? 1 : 0);
        if (kinds == 0)
            throw Invalid("A period needs `year` (with `fromMonth`/`toMonth` or `quarter`), `from` and `to`, or `relative`.");
        if (kinds > 1)
            throw Invalid("Give only one of `year`, `from`/`to` and `relative` in a period.");

        if (input.Relative is { } relative)
            return Relative(relative, input.AsOf ?? SolarCalendar.TodayInTehran(clock));
        if (input.From is not null || input.To is not null)
        {
            if (input.From is not { } from || input.To is not { } to)
                throw Invalid("A Gregorian period needs both `from` and `to`.");
            if (to < from)
                throw Invalid($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
            return new ResolvedPeriod(from, to);
        }

        var year = input.Year!.Value;
        if (year is < SolarCalendar.MinYear or > SolarCalendar.MaxYear)
            throw Invalid($"`year: {year}` is not a Solar Hijri year between {SolarCalendar.MinYear} and {SolarCalendar.MaxYear}.");
        if (input.Quarter is { } quarter)
        {
            if (input.FromMonth is not null || input.ToMonth is not null)
                throw Invalid("Give either `quarter` or `fromMonth`/`toMonth`, not both.");
            if (quarter is < 1 or > 4)
                throw Invalid($"`quarter: {quarter}` is not between 1 and 4.");
            return ResolvedPeriod.Months(year, quarter * 3 - 2, quarter * 3);
        }
        var fromMonth = input.FromMonth ?? 1;
        var toMonth = input.ToMonth ?? 12;
        if (fromMonth is < 1 or > 12)
            throw Invalid($"`fromMonth: {fromMonth}` is not between 1 and 12.");
        if (toMonth is < 1 or > 12)
            throw Invalid($"`toMonth: {toMonth}` is not between 1 and 12.");
        if (toMonth < fromMonth)
            throw Invalid($"`toMonth: {toMonth}` comes before `fromMonth: {fromMonth}`.");
        return ResolvedPeriod.Months(year, fromMonth, toMonth);
    }

    private static ResolvedPeriod Relative(RelativePeriod relative, DateOnly asOf)
    {
        var today = SolarCalendar.FromGregorian(asOf);
        var (year, month) = (today.Year, today.Month);
        var quarter = SolarCalendar.QuarterOf(month);
        return relative switch
        {
            RelativePeriod.ThisYear => ResolvedPeriod.Months(year, 1, 12),
            RelativePeriod.YearToDate => new ResolvedPeriod(SolarCalendar.YearStart(year), asOf),
            RelativePeriod.LastYear => ResolvedPeriod.Months(year - 1, 1, 12),
            RelativePeriod.ThisQuarter => ResolvedPeriod.Months(year, quarter * 3 - 2, quarter * 3),
            RelativePeriod.LastQuarter => quarter == 1
                ? ResolvedPeriod.Months(year - 1, 10, 12)
                : ResolvedPeriod.Months(year, quarter * 3 - 5, quarter * 3 - 3),
            RelativePeriod.ThisMonth => ResolvedPeriod.Months(year, month, month),
            RelativePeriod.LastMonth => CompleteMonthsBefore(year, month, 1),
            RelativePeriod.Last3Months => CompleteMonthsBefore(year, month, 3),
            RelativePeriod.Last6Months => CompleteMonthsBefore(year, month, 6),
            RelativePeriod.Last12Months => CompleteMonthsBefore(year, month, 12),
            _ => throw Invalid($"Unknown relative period {relative}."),
        };
    }

    private static ResolvedPeriod CompleteMonthsBefore(int year, int month, int count)
    {
        var last = PeriodMath.MonthIndex(year, month) - 1;
        return PeriodMath.Months(last - count + 1, last);
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_PERIOD" };
}

using System.Globalization;

namespace WelfareGraph.Periods;

/// <summary>
/// A period turned into an inclusive Gregorian date range. When it is whole Solar Hijri months of one
/// year, <see cref="SolarYear"/> and the month range are set too, so queries can use the stored period
/// columns (and their index) instead of the date.
/// </summary>
public sealed record ResolvedPeriod(DateOnly From, DateOnly To, int? SolarYear = null, int? FromMonth = null, int? ToMonth = null)
{
    public static ResolvedPeriod Months(int year, int fromMonth, int toMonth) =>
        new(SolarCalendar.MonthStart(year, fromMonth), SolarCalendar.MonthEnd(year, toMonth), year, fromMonth, toMonth);

    /// <summary>The period a <see cref="Label"/> was made from: whole months keep their solar columns.</summary>
    public static ResolvedPeriod FromLabel(string label, DateOnly from, DateOnly to)
    {
        var start = SolarCalendar.FromGregorian(from);
        var end = SolarCalendar.FromGregorian(to);
        var months = start.Year == end.Year && start.Day == 1 && to == SolarCalendar.MonthEnd(end.Year, end.Month);
        var period = months ? Months(start.Year, start.Month, end.Month) : new ResolvedPeriod(from, to);
        return period.Label == label ? period : new ResolvedPeriod(from, to);
    }

    /// <summary>Machine label: <c>1404-07</c>, <c>1404-01..1404-09</c> or <c>2025-03-21..2025-04-20</c>.</summary>
    public string Label =>
        SolarYear is { } year
            ? FromMonth == ToMonth
                ? $"{year}-{FromMonth:D2}"
                : $"{year}-{FromMonth:D2}..{year}-{ToMonth:D2}"
            : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    public string LabelEn =>
        SolarYear is { } year
            ? FromMonth == ToMonth
                ? $"{SolarMonthNames.En(FromMonth!.Value)} {year}"
                : $"{SolarMonthNames.En(FromMonth!.Value)}–{SolarMonthNames.En(ToMonth!.Value)} {year}"
            : $"{SolarCalendar.FromGregorian(From)} to {SolarCalendar.FromGregorian(To)}";

    public string LabelFa =>
        SolarYear is { } year
            ? FromMonth == ToMonth
                ? $"{SolarMonthNames.Fa(FromMonth!.Value)} {PersianDigits(year)}"
                : $"{SolarMonthNames.Fa(FromMonth!.Value)} تا {SolarMonthNames.Fa(ToMonth!.Value)} {PersianDigits(year)}"
            : $"{PersianDigits(SolarCalendar.FromGregorian(From).ToString())} "
                + $"تا {PersianDigits(SolarCalendar.FromGregorian(To).ToString())}";

    public static string PersianDigits(object value) =>
        string.Concat(
            Convert.ToString(value, CultureInfo.InvariantCulture)!.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c)
        );
}

using WelfareGraph.Periods;

namespace WelfareGraph.Analytics.Wording;

/// <summary>
/// How a statement names its period. The office counts the months from Nowruz («۹ ماهه»), with the month
/// count in digits even below ten; any other range keeps the period's own label.
/// </summary>
public static class PeriodPhrase
{
    public static string Persian(ResolvedPeriod period) =>
        period switch
        {
            { SolarYear: { } year, FromMonth: 1, ToMonth: 12 } => $"سال {ResolvedPeriod.PersianDigits(year)}",
            { SolarYear: { } year, FromMonth: 1, ToMonth: { } months and > 1 } =>
                $"{ResolvedPeriod.PersianDigits(months)} ماهه {ResolvedPeriod.PersianDigits(year)}",
            _ => period.LabelFa,
        };

    public static string English(ResolvedPeriod period) =>
        period switch
        {
            { SolarYear: { } year, FromMonth: 1, ToMonth: 12 } => $"the Solar Hijri year {year}",
            { SolarYear: { } year, FromMonth: 1, ToMonth: { } months and > 1 } => $"the first {months} months of {year}",
            _ => period.LabelEn,
        };
}

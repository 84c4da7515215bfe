using System.Globalization;
using WelfareGraph.Analytics;
using WelfareGraph.Labels;
using WelfareGraph.Periods;

namespace WelfareGraph.Exports;

/// <summary>
/// The line above a layout sheet, for the person who prints or forwards it: which query, which period, which
/// unit the money is in, and when (Tehran time, Solar Hijri date) the figures were taken from the database.
/// </summary>
public static class ExportTitles
{
    public static string For(string operation, ResolvedPeriod? period, MoneyUnit? unit, DateTimeOffset producedInTehran, Language language)
    {
        var day = SolarCalendar.FromGregorian(DateOnly.FromDateTime(producedInTehran.DateTime)).ToString();
        var time = producedInTehran.ToString("HH:mm", CultureInfo.InvariantCulture);
        var parts = new List<string> { operation };
        if (language == Language.Fa)
        {
            if (period is not null)
                parts.Add($"دوره: {period.LabelFa}");
            if (unit is { } u)
                parts.Add($"واحد: {(u == MoneyUnit.Toman ? "تومان" : "ریال")}");
            parts.Add($"تهیه‌شده در {ResolvedPeriod.PersianDigits(day)} ساعت {ResolvedPeriod.PersianDigits(time)} به وقت تهران");
        }
        else
        {
            if (period is not null)
                parts.Add($"period: {period.LabelEn} ({period.Label})");
            if (unit is { } u)
                parts.Add($"unit: {(u == MoneyUnit.Toman ? "toman" : "rial")}");
            parts.Add($"produced {day} {time} Tehran time");
        }
        return string.Join(" — ", parts);
    }
}

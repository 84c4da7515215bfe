using WelfareGraph.Labels;
using WelfareGraph.Periods;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// The Solar Hijri date table: one row per Gregorian day with its Solar Hijri year, quarter, month and day,
/// month and quarter names in Persian and English, and Iranian weeks (Saturday to Friday). Power BI relates
/// every fact's <c>Date</c> to it; its own time intelligence is Gregorian, this table is what makes
/// "Mehr 1404" or "the first nine months of 1404" a slicer.
/// </summary>
public static class DateTable
{
    public static IEnumerable<DateDim> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var solar = SolarCalendar.FromGregorian(day);
            // .NET's DayOfWeek counts from Sunday (0); Iranian weeks count from Saturday.
            var dayOfWeek = ((int)day.DayOfWeek + 1) % 7 + 1;
            var yearStart = SolarCalendar.YearStart(solar.Year);
            var firstWeekStart = yearStart.AddDays(-(((int)yearStart.DayOfWeek + 1) % 7));
            yield return new DateDim
            {
                Date = day,
                SolarDate = solar.ToString(),
                SolarYear = solar.Year,
                SolarQuarter = solar.Quarter,
                QuarterNameFa = SolarMonthNames.QuarterFa(solar.Quarter),
                QuarterNameEn = SolarMonthNames.QuarterEn(solar.Quarter),
                SolarMonth = solar.Month,
                MonthNameFa = SolarMonthNames.Fa(solar.Month),
                MonthNameEn = SolarMonthNames.En(solar.Month),
                SolarYearMonth = $"{solar.Year}-{solar.Month:D2}",
                SolarDay = solar.Day,
                DayOfWeek = dayOfWeek,
                DayNameFa = DayNames.Fa[dayOfWeek - 1],
                DayNameEn = DayNames.En[dayOfWeek - 1],
                WeekStart = day.AddDays(-(dayOfWeek - 1)),
                SolarWeekOfYear = (day.DayNumber - firstWeekStart.DayNumber) / 7 + 1,
                GregorianYear = day.Year,
                GregorianMonth = day.Month,
            };
        }
    }
}

using System.Globalization;

namespace WelfareGraph.Periods;

/// <summary>
/// Solar Hijri calendar arithmetic over the years we accept (1300..1599).
/// Leap years come from <see cref="PersianCalendar"/>, which follows the astronomical
/// (vernal-equinox) rule that Iran's official calendar uses.
/// </summary>
public static class SolarCalendar
{
    public const int MinYear = 1300,
        MaxYear = 1599;

    // PersianCalendar is immutable in the ways we use it, so one shared instance is safe.
    private static readonly PersianCalendar Persian = new();

    private static readonly TimeZoneInfo Tehran = FindTehranTimeZone();

    public static bool IsLeapYear(int year)
    {
        ThrowIfProblem(YearProblem(year));
        return Persian.IsLeapYear(year);
    }

    public static int DaysInMonth(int year, int month)
    {
        ThrowIfProblem(YearProblem(year) ?? MonthProblem(month));
        return DaysInValidMonth(year, month);
    }

    public static int QuarterOf(int month)
    {
        ThrowIfProblem(MonthProblem(month));
        return (month + 2) / 3;
    }

    public static DateOnly YearStart(int year) => ToGregorian(year, 1, 1);

    public static DateOnly YearEnd(int year) => MonthEnd(year, 12);

    public static DateOnly MonthStart(int year, int month) => ToGregorian(year, month, 1);

    public static DateOnly MonthEnd(int year, int month) => ToGregorian(year, month, DaysInMonth(year, month));

    public static DateOnly QuarterStart(int year, int quarter)
    {
        ThrowIfProblem(QuarterProblem(quarter));
        return MonthStart(year, quarter * 3 - 2);
    }

    public static DateOnly QuarterEnd(int year, int quarter)
    {
        ThrowIfProblem(QuarterProblem(quarter));
        return MonthEnd(year, quarter * 3);
    }

    public static bool IsValid(int year, int month, int day) => DateProblem(year, month, day) is null;

    public static DateOnly ToGregorian(int year, int month, int day)
    {
        RequireValid(year, month, day);
        return DateOnly.FromDateTime(Persian.ToDateTime(year, month, day, 0, 0, 0, 0));
    }

    public static SolarDate FromGregorian(DateOnly date)
    {
        var moment = date.ToDateTime(TimeOnly.MinValue);
        int year = Persian.GetYear(moment);
        if (year is < MinYear or > MaxYear)
        {
            throw new SolarDateException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} falls in Solar Hijri year {year}, outside the supported range {MinYear}..{MaxYear}"
                )
            );
        }

        return new SolarDate(year, Persian.GetMonth(moment), Persian.GetDayOfMonth(moment));
    }

    /// <summary>Today's (Gregorian) date as seen in Tehran, where the organisation's day begins.</summary>
    public static DateOnly TodayInTehran(TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Tehran).DateTime);
    }

    /// <summary>The moment as a clock in Tehran shows it.</summary>
    public static DateTimeOffset NowInTehran(TimeProvider? clock = null) =>
        TimeZoneInfo.ConvertTime((clock ?? TimeProvider.System).GetUtcNow(), Tehran);

    /// <summary>Throws the precise <see cref="SolarDateException"/> for an invalid date; returns the day otherwise.</summary>
    internal static int RequireValid(int year, int month, int day)
    {
        ThrowIfProblem(DateProblem(year, month, day));
        return day;
    }

    /// <summary>Why year-month-day is not a valid date, or null when it is.</summary>
    internal static string? DateProblem(int year, int month, int day)
    {
        string? reason = YearProblem(year) ?? MonthProblem(month) ?? DayProblem(year, month, day);
        return reason is null ? null : $"{SolarDate.Format(year, month, day)} is not a valid Solar Hijri date: {reason}.";
    }

    private static string? DayProblem(int year, int month, int day)
    {
        int days = DaysInValidMonth(year, month);
        string monthYear = string.Create(CultureInfo.InvariantCulture, $"{SolarMonthNames.En(month)} {year}");
        if (day < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"day {day} is out of range 1..{days} for {monthYear}");
        }

        if (day <= days)
        {
            return null;
        }

        // Esfand is the only month whose length varies, so say why it is short or long this year.
        string leapNote =
            month != 12
                ? ""
                : string.Create(CultureInfo.InvariantCulture, $" ({year} is {(Persian.IsLeapYear(year) ? "" : "not ")}a leap year)");
        return string.Create(CultureInfo.InvariantCulture, $"{monthYear} has {days} days{leapNote}");
    }

    private static int DaysInValidMonth(int year, int month) =>
        month switch
        {
            <= 6 => 31,
            <= 11 => 30,
            _ => Persian.IsLeapYear(year) ? 30 : 29,
        };

    private static string? YearProblem(int year) =>
        year is < MinYear or > MaxYear
            ? string.Create(CultureInfo.InvariantCulture, $"year {year} is out of range {MinYear}..{MaxYear}")
            : null;

    internal static string? MonthProblem(int month) =>
        month is < 1 or > 12 ? string.Create(CultureInfo.InvariantCulture, $"month {month} is out of range 1..12") : null;

    internal static string? QuarterProblem(int quarter) =>
        quarter is < 1 or > 4 ? string.Create(CultureInfo.InvariantCulture, $"quarter {quarter} is out of range 1..4") : null;

    private static void ThrowIfProblem(string? problem)
    {
        if (problem is not null)
        {
            throw new SolarDateException(problem);
        }
    }

    private static TimeZoneInfo FindTehranTimeZone()
    {
        // "Asia/Tehran" is the IANA id (Linux, macOS, and Windows with ICU); "Iran Standard Time" is the Windows id.
        foreach (string id in new[] { "Asia/Tehran", "Iran Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        // Slim containers may ship without tzdata. Iran abolished daylight saving in 2022,
        // so a fixed +03:30 is exact for "today" even though it would be wrong for old summers.
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Tehran", TimeSpan.FromHours(3.5), "Iran Standard Time", "Iran Standard Time");
    }
}

/// <summary>
/// An invalid or unparseable Solar Hijri (or, from <see cref="SolarDateParser.ParseAnyCalendar"/>, Gregorian) date.
/// The message is meant for the API caller; <see cref="Code"/> is stable for clients to branch on.
/// </summary>
public sealed class SolarDateException : Exception
{
    public const string InvalidDateCode = "INVALID_DATE";

    public SolarDateException(string message, string code = InvalidDateCode)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}

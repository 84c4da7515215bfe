using System.Globalization;

namespace WelfareGraph.Periods;

/// <summary>
/// A day in the Solar Hijri (Jalali) calendar, e.g. 30 Azar 1404.
/// Construction validates, so a non-default instance always names a real day in 1300..1599.
/// </summary>
public readonly record struct SolarDate(int Year, int Month, int Day) : IComparable<SolarDate>
{
    // Validating in the initializer makes `new SolarDate(1404, 12, 30)` fail at once with the
    // precise message, instead of surfacing later far from the mistake.
    public int Day { get; init; } = SolarCalendar.RequireValid(Year, Month, Day);

    // Arithmetic rather than QuarterOf so the getter never throws (e.g. on default(SolarDate)).
    public int Quarter => (Month + 2) / 3;

    public DateOnly ToGregorian() => SolarCalendar.ToGregorian(Year, Month, Day);

    public static SolarDate FromGregorian(DateOnly date) => SolarCalendar.FromGregorian(date);

    public int CompareTo(SolarDate other)
    {
        int byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        int byMonth = Month.CompareTo(other.Month);
        return byMonth != 0 ? byMonth : Day.CompareTo(other.Day);
    }

    public static bool operator <(SolarDate left, SolarDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(SolarDate left, SolarDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(SolarDate left, SolarDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(SolarDate left, SolarDate right) => left.CompareTo(right) >= 0;

    // Invariant culture: this string is an API/storage format, never localised digits.
    public override string ToString() => Format(Year, Month, Day);

    internal static string Format(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
}

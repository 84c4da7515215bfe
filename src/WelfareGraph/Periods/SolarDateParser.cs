using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WelfareGraph.Periods;

/// <summary>
/// Parses yyyy-MM-dd dates as users actually type them: Persian or Arabic-Indic digits,
/// '-' or '/' separators, one-digit months and days.
/// </summary>
public static partial class SolarDateParser
{
    // The two calendars' accepted year ranges do not overlap, so the year alone says which one is meant.
    private const int MinGregorianYear = 1900,
        MaxGregorianYear = 2199;

    // Text copied from Persian UIs often carries invisible direction marks around the digits.
    private static readonly char[] BidiMarks =
    [
        '\u200E',
        '\u200F',
        '\u061C',
        '\u202A',
        '\u202B',
        '\u202C',
        '\u202D',
        '\u202E',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
    ];

    /// <summary>Maps Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669) digits to ASCII; leaves everything else alone.</summary>
    public static string NormalizeDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(
            text.Length,
            text,
            static (buffer, source) =>
            {
                for (int i = 0; i < source.Length; i++)
                {
                    char c = source[i];
                    buffer[i] = c switch
                    {
                        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                        _ => c,
                    };
                }
            }
        );
    }

    public static SolarDate ParseSolar(string text) =>
        TryParseSolar(text, out var date, out string? error) ? date : throw new SolarDateException(error);

    public static bool TryParseSolar(string text, out SolarDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (!TrySplit(text, out int year, out int month, out int day, out error))
        {
            return false;
        }

        error = SolarCalendar.DateProblem(year, month, day);
        if (error is not null)
        {
            return false;
        }

        date = new SolarDate(year, month, day);
        return true;
    }

    /// <summary>
    /// Reads a Solar Hijri (years 1300..1599) or Gregorian (years 1900..2199) date and returns it as Gregorian.
    /// </summary>
    public static DateOnly ParseAnyCalendar(string text)
    {
        if (!TrySplit(text, out int year, out int month, out int day, out string? error))
        {
            throw new SolarDateException(error);
        }

        if (year is >= SolarCalendar.MinYear and <= SolarCalendar.MaxYear)
        {
            return SolarCalendar.ToGregorian(year, month, day);
        }

        if (year is >= MinGregorianYear and <= MaxGregorianYear)
        {
            string? problem = GregorianProblem(year, month, day);
            return problem is null
                ? new DateOnly(year, month, day)
                : throw new SolarDateException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{SolarDate.Format(year, month, day)} is not a valid Gregorian date: {problem}."
                    )
                );
        }

        throw new SolarDateException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"'{text}' is neither a Solar Hijri date (years {SolarCalendar.MinYear}..{SolarCalendar.MaxYear}) "
                    + $"nor a Gregorian date (years {MinGregorianYear}..{MaxGregorianYear})"
            )
        );
    }

    private static string? GregorianProblem(int year, int month, int day)
    {
        if (SolarCalendar.MonthProblem(month) is { } monthProblem)
        {
            return monthProblem;
        }

        int days = DateTime.DaysInMonth(year, month);
        string monthYear = string.Create(
            CultureInfo.InvariantCulture,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year}"
        );
        if (day < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"day {day} is out of range 1..{days} for {monthYear}");
        }

        return day > days ? string.Create(CultureInfo.InvariantCulture, $"{monthYear} has {days} days") : null;
    }

    /// <summary>Checks only the shape (yyyy-M-d with one consistent separator); calendar rules are the caller's.</summary>
    private static bool TrySplit(string? text, out int year, out int month, out int day, [NotNullWhen(false)] out string? error)
    {
        year = month = day = 0;
        var match = text is null ? null : DatePattern().Match(NormalizeDigits(StripBidiMarks(text)).Trim());
        if (match is null || !match.Success)
        {
            error = $"'{text}' is not a date in yyyy-MM-dd form";
            return false;
        }

        year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        month = int.Parse(match.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
        day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        error = null;
        return true;
    }

    private static string StripBidiMarks(string text) =>
        text.AsSpan().IndexOfAny(BidiMarks) < 0 ? text : string.Concat(text.Where(c => !BidiMarks.Contains(c)));

    // [0-9] rather than \d: in .NET \d also matches other scripts' digits, which int.Parse would reject.
    [GeneratedRegex(@"^(?<year>[0-9]{4})(?<sep>[-/])(?<month>[0-9]{1,2})\k<sep>(?<day>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}

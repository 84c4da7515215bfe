using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Periods;

public class SolarDateParserTests
{
    [Theory]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")] // Persian, U+06F0..U+06F9
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")] // Arabic-Indic, U+0660..U+0669
    [InlineData("سال ۱۴۰۴، ماه ٩", "سال 1404، ماه 9")]
    [InlineData("علي كريمي 12", "علي كريمي 12")] // Arabic yeh/kaf are not this method's job
    [InlineData("", "")]
    public void NormalizeDigits_maps_only_digits(string text, string expected)
    {
        Assert.Equal(expected, SolarDateParser.NormalizeDigits(text));
    }

    [Theory]
    [InlineData("1404-09-30")]
    [InlineData("۱۴۰۴-۰۹-۳۰")]
    [InlineData("١٤٠٤/٠٩/٣٠")]
    [InlineData("1404/9/30")]
    [InlineData("1404-9-30")]
    [InlineData("۱۴۰۴/۹/۳۰")]
    [InlineData("  1404-09-30\t\n")]
    [InlineData("\u200F۱۴۰۴/۰۹/۳۰\u200F")] // right-to-left marks, as pasted from Persian UIs
    public void ParseSolar_accepts_the_forms_people_type(string text)
    {
        var date = SolarDateParser.ParseSolar(text);
        Assert.Equal(new SolarDate(1404, 9, 30), date);
        Assert.Equal(new DateOnly(2025, 12, 21), date.ToGregorian());
    }

    [Theory]
    [InlineData("1404/9/x")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1404-09")]
    [InlineData("14040930")]
    [InlineData("1404-09/30")] // mixed separators
    [InlineData("1404.09.30")]
    [InlineData("1404-009-30")]
    [InlineData("404-09-30")]
    [InlineData("+1404-09-30")]
    [InlineData("1404-09-30T00:00")]
    [InlineData("１４０４-０９-３０")] // full-width digits are not normalised
    public void ParseSolar_rejects_malformed_text(string text)
    {
        var error = Assert.Throws<SolarDateException>(() => SolarDateParser.ParseSolar(text));
        Assert.Equal($"'{text}' is not a date in yyyy-MM-dd form", error.Message);
        Assert.Equal("INVALID_DATE", error.Code);
    }

    [Fact]
    public void ParseSolar_error_message_quotes_the_input()
    {
        var error = Assert.Throws<SolarDateException>(() => SolarDateParser.ParseSolar("1404/9/x"));
        Assert.Equal("'1404/9/x' is not a date in yyyy-MM-dd form", error.Message);
    }

    [Theory]
    [InlineData("1404-12-30", "1404-12-30 is not a valid Solar Hijri date: Esfand 1404 has 29 days (1404 is not a leap year).")]
    [InlineData("۱۴۰۴/۱۲/۳۰", "1404-12-30 is not a valid Solar Hijri date: Esfand 1404 has 29 days (1404 is not a leap year).")]
    [InlineData("1404-13-01", "1404-13-01 is not a valid Solar Hijri date: month 13 is out of range 1..12.")]
    [InlineData("1200-01-01", "1200-01-01 is not a valid Solar Hijri date: year 1200 is out of range 1300..1599.")]
    [InlineData("2025-12-21", "2025-12-21 is not a valid Solar Hijri date: year 2025 is out of range 1300..1599.")]
    [InlineData("1404-07-31", "1404-07-31 is not a valid Solar Hijri date: Mehr 1404 has 30 days.")]
    public void ParseSolar_rejects_days_that_do_not_exist(string text, string message)
    {
        var error = Assert.Throws<SolarDateException>(() => SolarDateParser.ParseSolar(text));
        Assert.Equal(message, error.Message);
        Assert.Equal("INVALID_DATE", error.Code);
    }

    [Fact]
    public void ParseSolar_accepts_Esfand_30_in_a_leap_year()
    {
        Assert.Equal(new SolarDate(1403, 12, 30), SolarDateParser.ParseSolar("۱۴۰۳-۱۲-۳۰"));
    }

    [Fact]
    public void TryParseSolar_reports_instead_of_throwing()
    {
        Assert.True(SolarDateParser.TryParseSolar("۱۴۰۴-۰۹-۳۰", out var date, out string? error));
        Assert.Equal(new SolarDate(1404, 9, 30), date);
        Assert.Null(error);

        Assert.False(SolarDateParser.TryParseSolar("1404-12-30", out date, out error));
        Assert.Equal(default, date);
        Assert.Equal("1404-12-30 is not a valid Solar Hijri date: Esfand 1404 has 29 days (1404 is not a leap year).", error);

        Assert.False(SolarDateParser.TryParseSolar("1404/9/x", out _, out error));
        Assert.Equal("'1404/9/x' is not a date in yyyy-MM-dd form", error);

        Assert.False(SolarDateParser.TryParseSolar(null!, out _, out error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("1404-09-30", "2025-12-21")]
    [InlineData("۱۴۰۴/۹/۳۰", "2025-12-21")]
    [InlineData("1404-10-10", "2025-12-31")]
    [InlineData("1403-12-30", "2025-03-20")]
    [InlineData("1300-01-01", "1921-03-21")]
    [InlineData("2025-12-21", "2025-12-21")]
    [InlineData("2025/12/21", "2025-12-21")]
    [InlineData("۲۰۲۵-۱۲-۲۱", "2025-12-21")]
    [InlineData("٢٠٢٥/٣/٢١", "2025-03-21")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("1900-01-01", "1900-01-01")]
    [InlineData("2199-12-31", "2199-12-31")]
    public void ParseAnyCalendar_tells_the_calendars_apart_by_year(string text, string gregorian)
    {
        Assert.Equal(DateOnly.ParseExact(gregorian, "yyyy-MM-dd"), SolarDateParser.ParseAnyCalendar(text));
    }

    [Theory]
    [InlineData("2025-02-30", "2025-02-30 is not a valid Gregorian date: February 2025 has 28 days.")]
    [InlineData("2025-13-01", "2025-13-01 is not a valid Gregorian date: month 13 is out of range 1..12.")]
    [InlineData("2025-04-00", "2025-04-00 is not a valid Gregorian date: day 0 is out of range 1..30 for April 2025.")]
    [InlineData("1404-12-30", "1404-12-30 is not a valid Solar Hijri date: Esfand 1404 has 29 days (1404 is not a leap year).")]
    [InlineData("1299-12-29", "'1299-12-29' is neither a Solar Hijri date (years 1300..1599) nor a Gregorian date (years 1900..2199)")]
    [InlineData("1600-01-01", "'1600-01-01' is neither a Solar Hijri date (years 1300..1599) nor a Gregorian date (years 1900..2199)")]
    [InlineData("1899-12-31", "'1899-12-31' is neither a Solar Hijri date (years 1300..1599) nor a Gregorian date (years 1900..2199)")]
    [InlineData("2200-01-01", "'2200-01-01' is neither a Solar Hijri date (years 1300..1599) nor a Gregorian date (years 1900..2199)")]
    [InlineData("0001-01-01", "'0001-01-01' is neither a Solar Hijri date (years 1300..1599) nor a Gregorian date (years 1900..2199)")]
    [InlineData("yesterday", "'yesterday' is not a date in yyyy-MM-dd form")]
    public void ParseAnyCalendar_rejects_everything_else(string text, string message)
    {
        var error = Assert.Throws<SolarDateException>(() => SolarDateParser.ParseAnyCalendar(text));
        Assert.Equal(message, error.Message);
        Assert.Equal("INVALID_DATE", error.Code);
    }
}

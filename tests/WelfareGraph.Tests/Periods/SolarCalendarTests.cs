using System.Globalization;
using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Periods;

public class SolarCalendarTests
{
    // Nowruz (1 Farvardin) from published calendars, independent of PersianCalendar.
    public static TheoryData<int, string, bool> NowruzTable =>
        new()
        {
            { 1395, "2016-03-20", true },
            { 1396, "2017-03-21", false },
            { 1397, "2018-03-21", false },
            { 1398, "2019-03-21", false },
            { 1399, "2020-03-20", true },
            { 1400, "2021-03-21", false },
            { 1401, "2022-03-21", false },
            { 1402, "2023-03-21", false },
            { 1403, "2024-03-20", true },
            { 1404, "2025-03-21", false },
            { 1405, "2026-03-21", false },
        };

    private static DateOnly Iso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(NowruzTable))]
    public void Nowruz_matches_published_calendars(int year, string nowruz, bool leap)
    {
        Assert.Equal(Iso(nowruz), SolarCalendar.YearStart(year));
        Assert.Equal(new SolarDate(year, 1, 1), SolarCalendar.FromGregorian(Iso(nowruz)));
        Assert.Equal(leap, SolarCalendar.IsLeapYear(year));
        Assert.Equal(leap ? 30 : 29, SolarCalendar.DaysInMonth(year, 12));
    }

    [Fact]
    public void Year_lengths_follow_from_consecutive_Nowruz_dates_in_the_table()
    {
        var rows = NowruzTable.Select(row => (Year: (int)row[0], Nowruz: Iso((string)row[1]), Leap: (bool)row[2])).ToList();
        foreach (var (current, next) in rows.Zip(rows.Skip(1)))
        {
            int length = next.Nowruz.DayNumber - current.Nowruz.DayNumber;
            Assert.Equal(current.Leap ? 366 : 365, length);
            Assert.Equal(next.Nowruz.AddDays(-1), SolarCalendar.YearEnd(current.Year));
        }
    }

    [Fact]
    public void Only_1395_1399_and_1403_are_leap_between_1395_and_1405()
    {
        var leapYears = Enumerable.Range(1395, 11).Where(SolarCalendar.IsLeapYear);
        Assert.Equal([1395, 1399, 1403], leapYears);
    }

    [Fact]
    public void Leap_years_match_the_33_year_cycle_from_1300_through_1501()
    {
        // An independent arithmetic rule: leap when year mod 33 is one of these. It agrees with the
        // astronomical calendar (and PersianCalendar) up to 1501; PersianCalendar then makes 1503 and 1536
        // leap instead of 1502 and 1535, which is where the arithmetic cycle is known to drift.
        int[] leapRemainders = [1, 5, 9, 13, 17, 22, 26, 30];
        for (int year = SolarCalendar.MinYear; year <= 1501; year++)
        {
            Assert.True(leapRemainders.Contains(year % 33) == SolarCalendar.IsLeapYear(year), $"year {year}");
        }
    }

    [Theory]
    [InlineData(1404, 9, 30, "2025-12-21")]
    [InlineData(1404, 10, 10, "2025-12-31")]
    [InlineData(1404, 1, 1, "2025-03-21")]
    [InlineData(1403, 12, 30, "2025-03-20")]
    [InlineData(1404, 12, 29, "2026-03-20")]
    public void Known_dates_convert_both_ways(int year, int month, int day, string gregorian)
    {
        var solar = new SolarDate(year, month, day);
        Assert.Equal(Iso(gregorian), SolarCalendar.ToGregorian(year, month, day));
        Assert.Equal(Iso(gregorian), solar.ToGregorian());
        Assert.Equal(solar, SolarCalendar.FromGregorian(Iso(gregorian)));
        Assert.Equal(solar, SolarDate.FromGregorian(Iso(gregorian)));
    }

    [Theory]
    [InlineData(1, 31)]
    [InlineData(2, 31)]
    [InlineData(3, 31)]
    [InlineData(4, 31)]
    [InlineData(5, 31)]
    [InlineData(6, 31)]
    [InlineData(7, 30)]
    [InlineData(8, 30)]
    [InlineData(9, 30)]
    [InlineData(10, 30)]
    [InlineData(11, 30)]
    [InlineData(12, 29)]
    public void Month_lengths_in_1404(int month, int days)
    {
        Assert.Equal(days, SolarCalendar.DaysInMonth(1404, month));
        Assert.Equal(SolarCalendar.MonthStart(1404, month).AddDays(days - 1), SolarCalendar.MonthEnd(1404, month));
    }

    [Fact]
    public void Month_lengths_agree_with_PersianCalendar_for_every_supported_year()
    {
        var persian = new PersianCalendar();
        for (int year = SolarCalendar.MinYear; year <= SolarCalendar.MaxYear; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                Assert.True(persian.GetDaysInMonth(year, month) == SolarCalendar.DaysInMonth(year, month), $"{year}-{month}");
            }
        }
    }

    [Theory]
    [InlineData(1, "2025-03-21", "2025-06-21")]
    [InlineData(2, "2025-06-22", "2025-09-22")]
    [InlineData(3, "2025-09-23", "2025-12-21")]
    [InlineData(4, "2025-12-22", "2026-03-20")]
    public void Quarter_boundaries_in_1404(int quarter, string start, string end)
    {
        Assert.Equal(Iso(start), SolarCalendar.QuarterStart(1404, quarter));
        Assert.Equal(Iso(end), SolarCalendar.QuarterEnd(1404, quarter));
    }

    [Fact]
    public void Quarters_and_year_ends_line_up()
    {
        Assert.Equal(SolarCalendar.ToGregorian(1404, 9, 30), SolarCalendar.QuarterEnd(1404, 3));
        Assert.Equal(Iso("2025-03-20"), SolarCalendar.YearEnd(1403));
        Assert.Equal(SolarCalendar.YearEnd(1403).AddDays(1), SolarCalendar.YearStart(1404));
        Assert.Equal(SolarCalendar.YearStart(1404), SolarCalendar.QuarterStart(1404, 1));
        Assert.Equal(SolarCalendar.YearEnd(1404), SolarCalendar.QuarterEnd(1404, 4));
        Assert.Equal(SolarCalendar.QuarterEnd(1404, 1).AddDays(1), SolarCalendar.QuarterStart(1404, 2));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(12, 4)]
    public void QuarterOf_groups_months_by_season(int month, int quarter)
    {
        Assert.Equal(quarter, SolarCalendar.QuarterOf(month));
        Assert.Equal(quarter, new SolarDate(1404, month, 1).Quarter);
    }

    [Fact]
    public void Every_day_from_1300_to_1500_round_trips_and_advances_by_one()
    {
        var first = SolarCalendar.YearStart(1300);
        var last = SolarCalendar.YearEnd(1500);
        Assert.Equal(new SolarDate(1300, 1, 1), SolarCalendar.FromGregorian(first));

        SolarDate? previous = null;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var solar = SolarCalendar.FromGregorian(day);
            Assert.True(solar.ToGregorian() == day, $"{day:yyyy-MM-dd} -> {solar} -> {solar.ToGregorian():yyyy-MM-dd}");
            if (previous is { } before)
            {
                Assert.True(NextDay(before) == solar, $"{day:yyyy-MM-dd}: {before} was followed by {solar}");
            }

            previous = solar;
        }

        Assert.Equal(new SolarDate(1500, 12, SolarCalendar.DaysInMonth(1500, 12)), previous);
    }

    // Written out by hand from the month-length rule, so continuity is not checked against itself.
    private static SolarDate NextDay(SolarDate date)
    {
        int monthLength =
            date.Month <= 6 ? 31
            : date.Month <= 11 ? 30
            : SolarCalendar.IsLeapYear(date.Year) ? 30
            : 29;
        if (date.Day < monthLength)
        {
            return new SolarDate(date.Year, date.Month, date.Day + 1);
        }

        return date.Month < 12 ? new SolarDate(date.Year, date.Month + 1, 1) : new SolarDate(date.Year + 1, 1, 1);
    }

    [Fact]
    public void Esfand_30_exists_only_in_leap_years()
    {
        Assert.True(SolarCalendar.IsValid(1403, 12, 30));
        Assert.False(SolarCalendar.IsValid(1404, 12, 30));

        var error = Assert.Throws<SolarDateException>(() => SolarCalendar.ToGregorian(1404, 12, 30));
        Assert.Equal("1404-12-30 is not a valid Solar Hijri date: Esfand 1404 has 29 days (1404 is not a leap year).", error.Message);
        Assert.Equal("INVALID_DATE", error.Code);
    }

    [Theory]
    [InlineData(1403, 12, 31, "1403-12-31 is not a valid Solar Hijri date: Esfand 1403 has 30 days (1403 is a leap year).")]
    [InlineData(1404, 7, 31, "1404-07-31 is not a valid Solar Hijri date: Mehr 1404 has 30 days.")]
    [InlineData(1404, 1, 0, "1404-01-00 is not a valid Solar Hijri date: day 0 is out of range 1..31 for Farvardin 1404.")]
    [InlineData(1404, 13, 1, "1404-13-01 is not a valid Solar Hijri date: month 13 is out of range 1..12.")]
    [InlineData(1404, 0, 1, "1404-00-01 is not a valid Solar Hijri date: month 0 is out of range 1..12.")]
    [InlineData(1200, 1, 1, "1200-01-01 is not a valid Solar Hijri date: year 1200 is out of range 1300..1599.")]
    [InlineData(1600, 1, 1, "1600-01-01 is not a valid Solar Hijri date: year 1600 is out of range 1300..1599.")]
    public void Invalid_dates_are_rejected_precisely(int year, int month, int day, string message)
    {
        Assert.False(SolarCalendar.IsValid(year, month, day));

        var converting = Assert.Throws<SolarDateException>(() => SolarCalendar.ToGregorian(year, month, day));
        Assert.Equal(message, converting.Message);
        Assert.Equal("INVALID_DATE", converting.Code);

        var constructing = Assert.Throws<SolarDateException>(() => new SolarDate(year, month, day));
        Assert.Equal(message, constructing.Message);
    }

    [Fact]
    public void Component_checks_name_the_bad_component()
    {
        Assert.Equal(
            "month 13 is out of range 1..12",
            Assert.Throws<SolarDateException>(() => SolarCalendar.DaysInMonth(1404, 13)).Message
        );
        Assert.Equal("month 13 is out of range 1..12", Assert.Throws<SolarDateException>(() => SolarCalendar.QuarterOf(13)).Message);
        Assert.Equal(
            "year 1200 is out of range 1300..1599",
            Assert.Throws<SolarDateException>(() => SolarCalendar.IsLeapYear(1200)).Message
        );
        Assert.EndsWith(
            "year 1200 is out of range 1300..1599.",
            Assert.Throws<SolarDateException>(() => SolarCalendar.YearStart(1200)).Message
        );
        Assert.Equal(
            "quarter 5 is out of range 1..4",
            Assert.Throws<SolarDateException>(() => SolarCalendar.QuarterStart(1404, 5)).Message
        );
        Assert.Equal("quarter 0 is out of range 1..4", Assert.Throws<SolarDateException>(() => SolarCalendar.QuarterEnd(1404, 0)).Message);
    }

    [Fact]
    public void Gregorian_dates_outside_the_supported_years_are_rejected()
    {
        Assert.Equal(
            new SolarDate(1599, 12, SolarCalendar.DaysInMonth(1599, 12)),
            SolarCalendar.FromGregorian(SolarCalendar.YearEnd(1599))
        );

        var tooEarly = Assert.Throws<SolarDateException>(() => SolarCalendar.FromGregorian(SolarCalendar.YearStart(1300).AddDays(-1)));
        Assert.Equal("1921-03-20 falls in Solar Hijri year 1299, outside the supported range 1300..1599", tooEarly.Message);
        Assert.Equal("INVALID_DATE", tooEarly.Code);
        Assert.Throws<SolarDateException>(() => SolarCalendar.FromGregorian(SolarCalendar.YearEnd(1599).AddDays(1)));
    }

    [Fact]
    public void SolarDate_formats_as_zero_padded_ascii_whatever_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fa-IR");
            Assert.Equal("1404-09-30", new SolarDate(1404, 9, 30).ToString());
            Assert.Equal("1404-01-01", new SolarDate(1404, 1, 1).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void SolarDates_order_chronologically()
    {
        SolarDate[] dates = [new(1404, 10, 1), new(1403, 12, 30), new(1404, 9, 30), new(1404, 1, 1)];
        Assert.Equal([new(1403, 12, 30), new(1404, 1, 1), new(1404, 9, 30), new(1404, 10, 1)], dates.Order());
        Assert.True(new SolarDate(1404, 9, 30) < new SolarDate(1404, 10, 1));
        Assert.True(new SolarDate(1404, 9, 30) >= new SolarDate(1404, 9, 30));
        Assert.Equal(0, new SolarDate(1404, 9, 30).CompareTo(new SolarDate(1404, 9, 30)));
    }

    [Fact]
    public void Default_SolarDate_cannot_be_converted()
    {
        Assert.Throws<SolarDateException>(() => default(SolarDate).ToGregorian());
    }

    [Theory]
    [InlineData("2025-03-20T20:29:59Z", "2025-03-20")] // 23:59:59 in Tehran: still Esfand 30, 1403
    [InlineData("2025-03-20T20:30:00Z", "2025-03-21")] // midnight in Tehran (UTC+3:30): 1 Farvardin 1404
    [InlineData("2025-03-20T21:00:00Z", "2025-03-21")]
    [InlineData("2025-06-21T20:30:00Z", "2025-06-22")] // no daylight saving since 2022: still +3:30 in summer
    [InlineData("2025-12-21T12:00:00Z", "2025-12-21")]
    public void TodayInTehran_uses_Tehran_time(string utcNow, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture));
        Assert.Equal(Iso(expected), SolarCalendar.TodayInTehran(clock));
    }

    [Fact]
    public void Nowruz_1404_begins_at_Tehran_midnight()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 20, 21, 0, 0, TimeSpan.Zero));
        Assert.Equal(new SolarDate(1404, 1, 1), SolarCalendar.FromGregorian(SolarCalendar.TodayInTehran(clock)));
    }

    [Fact]
    public void TodayInTehran_defaults_to_the_system_clock()
    {
        var today = SolarCalendar.TodayInTehran();
        var utcToday = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(today.DayNumber - utcToday.DayNumber, 0, 1);
    }

    [Fact]
    public void Month_and_season_names()
    {
        Assert.Equal("فروردین", SolarMonthNames.Fa(1));
        Assert.Equal("آذر", SolarMonthNames.Fa(9));
        Assert.Equal("اسفند", SolarMonthNames.Fa(12));
        Assert.Equal("Farvardin", SolarMonthNames.En(1));
        Assert.Equal("Azar", SolarMonthNames.En(9));
        Assert.Equal("Esfand", SolarMonthNames.En(12));
        Assert.Equal("پاییز", SolarMonthNames.QuarterFa(3));
        Assert.Equal("Autumn", SolarMonthNames.QuarterEn(3));
        Assert.Equal("Winter", SolarMonthNames.QuarterEn(4));
        Assert.Throws<SolarDateException>(() => SolarMonthNames.Fa(13));
        Assert.Throws<SolarDateException>(() => SolarMonthNames.QuarterEn(0));
    }

    [Fact]
    public void Persian_names_use_Persian_yeh_and_kaf()
    {
        var names = Enumerable.Range(1, 12).Select(SolarMonthNames.Fa).Concat(Enumerable.Range(1, 4).Select(SolarMonthNames.QuarterFa));
        foreach (string name in names)
        {
            Assert.DoesNotContain('\u064A', name); // Arabic yeh
            Assert.DoesNotContain('\u0643', name); // Arabic kaf
        }
    }

    private sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}

using System.Globalization;
using WelfareGraph.Analytics.Wording;

namespace WelfareGraph.Tests.Analytics.Wording;

/// <summary>
/// Persian wording against values worked out by hand from the office's rules: named units largest first joined
/// by «و», a part of 1–9 as a word and 10 up in Persian digits, one thousand said «هزار» but one million «یک میلیون».
/// </summary>
public sealed class PersianAmountsTests
{
    [Theory]
    [InlineData("0", "صفر")]
    [InlineData("1", "یک")]
    [InlineData("5", "پنج")]
    [InlineData("9", "نه")]
    [InlineData("10", "۱۰")]
    [InlineData("15", "۱۵")]
    [InlineData("100", "۱۰۰")]
    [InlineData("999", "۹۹۹")]
    [InlineData("1000", "هزار")]
    [InlineData("1001", "هزار و یک")]
    [InlineData("1083", "هزار و ۸۳")]
    [InlineData("2000", "دو هزار")]
    [InlineData("9999", "نه هزار و ۹۹۹")]
    [InlineData("10000", "۱۰ هزار")]
    [InlineData("30606", "۳۰ هزار و ۶۰۶")]
    [InlineData("19361", "۱۹ هزار و ۳۶۱")]
    [InlineData("11245", "۱۱ هزار و ۲۴۵")]
    [InlineData("382575", "۳۸۲ هزار و ۵۷۵")]
    [InlineData("1000000", "یک میلیون")]
    [InlineData("1001000", "یک میلیون و هزار")]
    [InlineData("2500000", "دو میلیون و ۵۰۰ هزار")]
    [InlineData("250000000", "۲۵۰ میلیون")]
    [InlineData("1000000000", "یک میلیارد")]
    [InlineData("1000000001", "یک میلیارد و یک")]
    [InlineData("5300000000", "پنج میلیارد و ۳۰۰ میلیون")]
    [InlineData("33600000000", "۳۳ میلیارد و ۶۰۰ میلیون")]
    [InlineData("1150000000", "یک میلیارد و ۱۵۰ میلیون")]
    [InlineData("16000000000", "۱۶ میلیارد")]
    [InlineData("40050000000", "۴۰ میلیارد و ۵۰ میلیون")]
    [InlineData("56050000000", "۵۶ میلیارد و ۵۰ میلیون")]
    [InlineData("560500000000", "۵۶۰ میلیارد و ۵۰۰ میلیون")]
    [InlineData("7007007007", "هفت میلیارد و هفت میلیون و هفت هزار و هفت")]
    [InlineData("12034056078", "۱۲ میلیارد و ۳۴ میلیون و ۵۶ هزار و ۷۸")]
    [InlineData("1500000000000", "هزار و ۵۰۰ میلیارد")]
    [InlineData("12000000000000", "۱۲ هزار میلیارد")]
    [InlineData("2.5", "۲٫۵")]
    [InlineData("12.25", "۱۲٫۲۵")]
    [InlineData("1005.5", "هزار و ۵٫۵")]
    [InlineData("-5", "منفی پنج")]
    public void Exact_amounts_are_said_in_named_units(string value, string expected) =>
        Assert.Equal(expected, PersianAmounts.Exact(Parse(value)));

    [Theory]
    [InlineData("56050000000", "بیش از ۵۶ میلیارد")]
    [InlineData("16000000000", "۱۶ میلیارد")]
    [InlineData("5300000000", "بیش از پنج میلیارد")]
    [InlineData("1500400000000", "بیش از هزار و ۵۰۰ میلیارد")]
    [InlineData("1999999", "بیش از یک میلیون")]
    [InlineData("250000000", "۲۵۰ میلیون")]
    [InlineData("30606", "بیش از ۳۰ هزار")]
    [InlineData("1083", "بیش از هزار")]
    [InlineData("1000", "هزار")]
    [InlineData("999", "۹۹۹")]
    [InlineData("7.5", "بیش از هفت")]
    [InlineData("0", "صفر")]
    public void Headlines_round_down_to_whole_units_of_the_largest_unit(string value, string expected) =>
        Assert.Equal(expected, PersianAmounts.Headline(Parse(value)));

    [Theory]
    [InlineData(0.08, "هشت درصد")]
    [InlineData(0.6326, "۶۳ درصد")]
    [InlineData(0.3674, "۳۷ درصد")]
    [InlineData(0.0, "صفر درصد")]
    [InlineData(0.01, "یک درصد")]
    [InlineData(0.094, "نه درصد")]
    [InlineData(0.095, "۱۰ درصد")]
    [InlineData(1.0, "۱۰۰ درصد")]
    [InlineData(null, "نامعلوم")]
    public void Percentages_are_worded_like_amounts(double? fraction, string expected) =>
        Assert.Equal(expected, PersianAmounts.Percent(fraction));

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}

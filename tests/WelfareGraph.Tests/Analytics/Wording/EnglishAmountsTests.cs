using System.Globalization;
using WelfareGraph.Analytics.Wording;

namespace WelfareGraph.Tests.Analytics.Wording;

/// <summary>
/// English wording against values worked out by hand: money from a million up in billions or millions with at
/// most two decimals and trailing zeros dropped, smaller money and counts in digits with thousands separators.
/// </summary>
public sealed class EnglishAmountsTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("5", "5")]
    [InlineData("12.5", "12.5")]
    [InlineData("999", "999")]
    [InlineData("950000", "950,000")]
    [InlineData("999999", "999,999")]
    [InlineData("1000000", "1 million")]
    [InlineData("1500000", "1.5 million")]
    [InlineData("250000000", "250 million")]
    [InlineData("999999999", "1 billion")]
    [InlineData("1000000000", "1 billion")]
    [InlineData("1150000000", "1.15 billion")]
    [InlineData("1234567890", "1.23 billion")]
    [InlineData("1235000000", "1.24 billion")]
    [InlineData("5300000000", "5.3 billion")]
    [InlineData("16000000000", "16 billion")]
    [InlineData("33600000000", "33.6 billion")]
    [InlineData("56050000000", "56.05 billion")]
    [InlineData("560500000000", "560.5 billion")]
    [InlineData("1500000000000", "1,500 billion")]
    [InlineData("-5300000000", "-5.3 billion")]
    public void Money_is_said_in_billions_or_millions_with_two_decimals_at_most(string value, string expected) =>
        Assert.Equal(expected, EnglishAmounts.Money(Parse(value)));

    [Theory]
    [InlineData("56050000000", "over 56 billion")]
    [InlineData("16000000000", "16 billion")]
    [InlineData("5300000000", "over 5 billion")]
    [InlineData("1500400000000", "over 1,500 billion")]
    [InlineData("1999999", "over 1 million")]
    [InlineData("30606", "over 30,000")]
    [InlineData("1083", "over 1,000")]
    [InlineData("1000", "1,000")]
    [InlineData("999", "999")]
    [InlineData("7.5", "over 7")]
    [InlineData("0", "0")]
    public void Headlines_round_down_to_whole_units_of_the_largest_unit(string value, string expected) =>
        Assert.Equal(expected, EnglishAmounts.Headline(Parse(value)));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1,000")]
    [InlineData(19361, "19,361")]
    [InlineData(30606, "30,606")]
    [InlineData(382575, "382,575")]
    public void Counts_are_digits_with_thousands_separators(long value, string expected) =>
        Assert.Equal(expected, EnglishAmounts.Count(value));

    [Theory]
    [InlineData(0.08, "8 %")]
    [InlineData(0.6326, "63 %")]
    [InlineData(0.3674, "37 %")]
    [InlineData(0.095, "10 %")]
    [InlineData(1.0, "100 %")]
    [InlineData(null, "n/a")]
    public void Percentages_are_whole(double? fraction, string expected) => Assert.Equal(expected, EnglishAmounts.Percent(fraction));

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}

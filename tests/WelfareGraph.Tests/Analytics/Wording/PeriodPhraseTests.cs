using WelfareGraph.Analytics.Wording;
using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Analytics.Wording;

/// <summary>The office counts months from Nowruz («۹ ماهه»); other month ranges keep the period's own label.</summary>
public sealed class PeriodPhraseTests
{
    [Theory]
    [InlineData(1404, 1, 9, "۹ ماهه ۱۴۰۴", "the first 9 months of 1404")]
    [InlineData(1404, 1, 3, "۳ ماهه ۱۴۰۴", "the first 3 months of 1404")]
    [InlineData(1403, 1, 11, "۱۱ ماهه ۱۴۰۳", "the first 11 months of 1403")]
    [InlineData(1403, 1, 12, "سال ۱۴۰۳", "the Solar Hijri year 1403")]
    [InlineData(1404, 1, 1, "فروردین ۱۴۰۴", "Farvardin 1404")]
    [InlineData(1404, 7, 9, "مهر تا آذر ۱۴۰۴", "Mehr–Azar 1404")]
    public void Months_from_Nowruz_are_counted_and_other_ranges_named(int year, int fromMonth, int toMonth, string persian, string english)
    {
        var period = ResolvedPeriod.Months(year, fromMonth, toMonth);
        Assert.Equal(persian, PeriodPhrase.Persian(period));
        Assert.Equal(english, PeriodPhrase.English(period));
    }
}

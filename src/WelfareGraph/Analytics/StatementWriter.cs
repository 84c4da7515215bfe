using WelfareGraph.Analytics.Wording;
using WelfareGraph.Contributions;
using WelfareGraph.Households;
using WelfareGraph.Labels;

namespace WelfareGraph.Analytics;

/// <summary>
/// Writes the report as the paragraph and the headline a provincial office publishes, in Persian and in English,
/// with amounts in named units as the office writes them (<see cref="PersianAmounts"/>, <see cref="EnglishAmounts"/>).
/// </summary>
internal static class StatementWriter
{
    public static string English(ParticipationReport r)
    {
        string Money(decimal value) => $"{EnglishAmounts.Money(value)} {EnglishUnit(r)}";
        var h = r.Households;
        var period = PeriodPhrase.English(r.Period);
        return $"In {period}, the welfare organisation of {r.Province.NameEn} province attracted "
            + $"{Money(r.Government.Cash)} in cash, {Money(r.Government.InKind)} in kind and {Money(r.Government.VolunteerServices)} "
            + $"of volunteer services in the government sector, and the province's licensed charities collected {Money(r.Charities)}: "
            + $"{Money(r.Total)} of public participation in all. "
            + $"{EnglishAmounts.Count(h.Covered)} households ({EnglishAmounts.Percent(h.CoverageRate)} of all households) are covered, "
            + $"{EnglishAmounts.Count(h.Pensioners)} of them ({EnglishAmounts.Percent(h.PensionerShare)}) receiving a pension and "
            + $"{EnglishAmounts.Count(h.OtherServices)} ({EnglishAmounts.Percent(h.OtherServicesShare)}) other services; "
            + $"{EnglishAmounts.Headline(r.CenterResidents)} people live in care centres.";
    }

    public static string Persian(ParticipationReport r)
    {
        string Money(decimal value) => $"{PersianAmounts.Exact(value)} {PersianUnit(r)}";
        var h = r.Households;
        var period = PeriodPhrase.Persian(r.Period);
        // Households are said exactly and people in care centres in the headline form, as the office says them.
        // The kinds of contribution and the charities are named as everywhere else, from the one label table.
        return $"در {period}، بهزیستی استان {r.Province.NameFa} در {EnumLabels.Fa(Sector.Government)} "
            + $"{Money(r.Government.Cash)} {EnumLabels.Fa(ContributionType.Cash)}، "
            + $"{Money(r.Government.InKind)} {EnumLabels.Fa(ContributionType.InKind)} "
            + $"و {Money(r.Government.VolunteerServices)} {EnumLabels.Fa(ContributionType.VolunteerService)} جذب کرده است. "
            + $"همچنین {EnumLabels.Fa(Sector.Charity)} استان {Money(r.Charities)} "
            + $"کمک جمع‌آوری کرده‌اند که در مجموع رقم مشارکت‌ها به {Money(r.Total)} رسیده است. "
            + $"هم اکنون {PersianAmounts.Percent(h.CoverageRate)} خانوارها به تعداد "
            + $"{PersianAmounts.Exact(h.Covered)} خانوار تحت پوشش بهزیستی هستند "
            + $"که از این تعداد {PersianAmounts.Exact(h.Pensioners)} خانوار {EnumLabels.Fa(Benefit.Pension)} "
            + $"بوده و به عبارتی {PersianAmounts.Percent(h.PensionerShare)} "
            + $"{EnumLabels.Fa(Benefit.Pension)} و {PersianAmounts.Percent(h.OtherServicesShare)} "
            + $"از {EnumLabels.Fa(Benefit.OtherServices)} بهره‌مند هستند. "
            + $"هم اکنون {PersianAmounts.Headline(r.CenterResidents)} نفر از افراد نیازمند در مراکز نگهداری استان تحت پوشش هستند.";
    }

    public static string HeadlineEnglish(ParticipationReport r) =>
        $"Cash, in-kind and service contributions from people and charities to the welfare organisation's target community "
        + $"in {r.Province.NameEn} province reached {EnglishAmounts.Headline(r.Total)} "
        + $"{EnglishUnit(r)} in {PeriodPhrase.English(r.Period)}";

    public static string HeadlinePersian(ParticipationReport r) =>
        $"مجموع کمک‌های نقدی، غیرنقدی و خدماتی مردم و موسسات خیریه برای جامعه هدف بهزیستی استان {r.Province.NameFa} "
        + $"در {PeriodPhrase.Persian(r.Period)} به {PersianAmounts.Headline(r.Total)} {PersianUnit(r)} رسید";

    private static string EnglishUnit(ParticipationReport r) => r.Unit == MoneyUnit.Toman ? "toman" : "rial";

    private static string PersianUnit(ParticipationReport r) => r.Unit == MoneyUnit.Toman ? "تومان" : "ریال";
}

using System.Globalization;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>Writes the report as the paragraph a provincial office publishes, in Persian and in English.</summary>
internal static class StatementWriter
{
    public static string English(ParticipationReport r)
    {
        var unit = r.Unit == MoneyUnit.Toman ? "toman" : "rial";
        string Money(decimal value) => $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {unit}";
        var h = r.Households;
        return $"In {r.Period.LabelEn}, the welfare organisation of {r.Province.NameEn} province attracted " +
               $"{Money(r.Government.Cash)} in cash, {Money(r.Government.InKind)} in kind and {Money(r.Government.VolunteerServices)} " +
               $"of volunteer services in the government sector, and the province's licensed charities collected {Money(r.Charities)}: " +
               $"{Money(r.Total)} of public participation in all. " +
               $"{h.Covered:#,0} households ({Percent(h.CoverageRate)} of all households) are covered, " +
               $"{h.Pensioners:#,0} of them ({Percent(h.PensionerShare)}) receiving a pension and {h.OtherServices:#,0} ({Percent(h.OtherServicesShare)}) other services; " +
               $"{r.CenterResidents:#,0} people live in care centres.";
    }

    public static string Persian(ParticipationReport r)
    {
        var unit = r.Unit == MoneyUnit.Toman ? "تومان" : "ریال";
        string Money(decimal value) => $"{Fa(value)} {unit}";
        var h = r.Households;
        return $"در بازه {r.Period.LabelFa}، بهزیستی استان {r.Province.NameFa} در بخش دولتی {Money(r.Government.Cash)} کمک نقدی، " +
               $"{Money(r.Government.InKind)} کمک غیرنقدی و {Money(r.Government.VolunteerServices)} خدمات داوطلبانه جذب کرده است. " +
               $"همچنین موسسات خیریه استان {Money(r.Charities)} کمک جمع‌آوری کرده‌اند که در مجموع رقم مشارکت‌ها به {Money(r.Total)} رسیده است. " +
               $"هم اکنون {FaPercent(h.CoverageRate)} خانوارها به تعداد {Fa(h.Covered)} خانوار تحت پوشش بهزیستی هستند که از این تعداد " +
               $"{Fa(h.Pensioners)} خانوار ({FaPercent(h.PensionerShare)}) مستمری‌بگیر و {Fa(h.OtherServices)} خانوار ({FaPercent(h.OtherServicesShare)}) " +
               $"از سایر خدمات بهره‌مند هستند؛ {Fa(r.CenterResidents)} نفر در مراکز نگهداری استان تحت پوشش‌اند.";
    }

    private static string Percent(double? fraction) => fraction is { } f ? $"{Math.Round(f * 100):0} %" : "n/a";

    private static string FaPercent(double? fraction) => fraction is { } f ? $"{ResolvedPeriod.PersianDigits(Math.Round(f * 100))} درصد" : "نامعلوم";

    // Persian thousands separator (U+066C) and digits, as the seed report writes numbers.
    private static string Fa(decimal value) => ResolvedPeriod.PersianDigits(value.ToString("#,0.##", CultureInfo.InvariantCulture)).Replace(',', '٬').Replace('.', '٫');
}

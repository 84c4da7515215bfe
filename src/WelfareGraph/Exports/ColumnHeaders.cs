using WelfareGraph.Labels;

namespace WelfareGraph.Exports;

/// <summary>
/// Persian column headers for <c>lang=fa</c>, made from the GraphQL path: each field name has a Persian word,
/// and a path reads from the leaf up, as Persian names things (<c>county.nameFa</c> → «نام شهرستان»).
/// A name without a Persian word keeps its own, so no column goes unnamed.
/// </summary>
public static class ColumnHeaders
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["province"] = "استان",
        ["county"] = "شهرستان",
        ["center"] = "مرکز",
        ["charity"] = "خیریه",
        ["code"] = "کد",
        ["nameFa"] = "نام",
        ["nameEn"] = "نام لاتین",
        ["name"] = "نام",
        ["id"] = "شناسه",
        ["type"] = "نوع کمک",
        ["sector"] = "بخش",
        ["intent"] = "نیت",
        ["channel"] = "مجرای دریافت",
        ["year"] = "سال",
        ["quarter"] = "فصل",
        ["month"] = "ماه",
        ["period"] = "دوره",
        ["monthNameFa"] = "نام ماه",
        ["monthNameEn"] = "نام لاتین ماه",
        ["solarYear"] = "سال",
        ["solarQuarter"] = "فصل",
        ["solarMonth"] = "ماه",
        ["date"] = "تاریخ",
        ["sum"] = "جمع",
        ["count"] = "تعداد",
        ["average"] = "میانگین",
        ["min"] = "کمینه",
        ["max"] = "بیشینه",
        ["share"] = "سهم",
        ["growth"] = "رشد",
        ["subtotal"] = "جمع جزء",
        ["comparison"] = "دوره مقایسه",
        ["amountRial"] = "مبلغ (ریال)",
        ["quantity"] = "مقدار",
        ["quantityUnit"] = "واحد",
        ["description"] = "شرح",
        ["valuationBasis"] = "مبنای ارزش‌گذاری",
        ["sourceSystem"] = "سامانه مبدأ",
        ["externalId"] = "شناسه در سامانه مبدأ",
        ["licenceNo"] = "شماره مجوز",
        ["totalHouseholds"] = "کل خانوارها",
        ["allHouseholds"] = "کل خانوارها",
        ["benefit"] = "نوع حمایت",
        ["coverageRate"] = "نرخ پوشش",
        ["suppressed"] = "محرمانه (کمتر از آستانه)",
        ["partial"] = "ناقص",
        ["coveredSince"] = "تحت پوشش از",
        ["coveredUntil"] = "تحت پوشش تا",
        ["exitReason"] = "علت خروج",
        ["members"] = "تعداد اعضا",
        ["kind"] = "نوع مرکز",
        ["ownership"] = "مالکیت",
        ["capacity"] = "ظرفیت",
        ["residents"] = "مقیمان",
        ["occupancy"] = "نرخ اشغال",
        ["centers"] = "مراکز",
        ["total"] = "جمع کل",
        ["households"] = "خانوارها",
        ["covered"] = "خانوارهای تحت پوشش",
        ["pensioners"] = "مستمری‌بگیران",
        ["otherServices"] = "سایر خدمات",
        ["government"] = "بخش دولتی",
        ["charities"] = "خیریه‌ها",
        ["cash"] = "کمک نقدی",
        ["inKind"] = "کمک غیرنقدی",
        ["volunteerServices"] = "خدمات داوطلبانه",
        ["centerResidents"] = "مقیمان مراکز",
        ["unit"] = "واحد پول",
        ["label"] = "برچسب",
        ["labelFa"] = "برچسب",
        ["labelEn"] = "برچسب لاتین",
        ["from"] = "از",
        ["to"] = "تا",
        ["statementFa"] = "متن گزارش",
        ["statementEn"] = "متن لاتین گزارش",
    };

    public static string Fa(string path)
    {
        var segments = path.Split('.');
        return string.Join(' ', segments.Reverse().Select(s => Words.GetValueOrDefault(s, s)));
    }

    /// <summary>The words for "total" in a pivot's totals row and column.</summary>
    public static string Total(Language language) => language == Language.Fa ? "جمع کل" : "Total";
}

using CsCheck;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// Values the demo database knows (Zanjan's counties, 1403 and 1404, real enum values) written the ways users
/// write them: Persian digits, direction marks copied from Persian UIs, Arabic yeh and kaf for Persian ی and ک.
/// </summary>
public static class DemoValues
{
    public const string Province = "IR-19";

    public static readonly string[] CountyCodes = [.. Enumerable.Range(1, 8).Select(i => $"IR-19-{i:00}")];

    public static readonly Gen<string> CountyCode = Gen.OneOf(CountyCodes);
    public static readonly Gen<int> Year = Gen.OneOf(1403, 1404);
    public static readonly Gen<int> Month = Gen.Int[1, 12];
    public static readonly Gen<int> Quarter = Gen.Int[1, 4];

    public static readonly Gen<string> ContributionType = Gen.OneOf("CASH", "IN_KIND", "VOLUNTEER_SERVICE");
    public static readonly Gen<string> Sector = Gen.OneOf("GOVERNMENT", "CHARITY");
    public static readonly Gen<string> Intent = Gen.OneOf(
        "EDUCATION_CULTURE_SPORT",
        "LIVELIHOOD",
        "FACILITY_CONSTRUCTION",
        "EQUIPMENT",
        "UNRESTRICTED"
    );
    public static readonly Gen<string> Channel = Gen.OneOf(
        "BANK_ACCOUNT",
        "CENTER_DIRECT",
        "CHARITY_INSTITUTION",
        "COLLECTION_BASE",
        "ONLINE"
    );
    public static readonly Gen<string> CenterKind = Gen.OneOf(
        "CHILDREN_AND_ADOLESCENTS",
        "DISABILITY",
        "ELDERLY",
        "INFANT_HOUSE",
        "REHABILITATION"
    );
    public static readonly Gen<string> Ownership = Gen.OneOf("GOVERNMENT", "LICENSED_NON_GOVERNMENT");
    public static readonly Gen<string> Benefit = Gen.OneOf("PENSION", "OTHER_SERVICES");
    public static readonly Gen<string> MoneyUnit = Gen.OneOf("RIAL", "TOMAN");
    public static readonly Gen<string> Sort = Gen.OneOf("ASC", "DESC");
    public static readonly Gen<string> Relative = Gen.OneOf(
        "THIS_YEAR",
        "YEAR_TO_DATE",
        "LAST_YEAR",
        "THIS_QUARTER",
        "LAST_QUARTER",
        "THIS_MONTH",
        "LAST_MONTH",
        "LAST_3_MONTHS",
        "LAST_6_MONTHS",
        "LAST_12_MONTHS"
    );

    /// <summary>Words of the demo data's names and descriptions, some typed with Arabic ي and ك as Windows keyboards do.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(
        "زنجان",
        "خدابنده",
        "ابهر",
        "غذايي",
        "كمك",
        "خيريه",
        "مهد",
        "سلطانيه",
        "Zanjan",
        "a",
        ""
    );

    /// <summary>The days Esfand has: 30 in 1403 (a leap year), 29 in 1404.</summary>
    public static int DaysIn(int year, int month) =>
        month <= 6 ? 31
        : month <= 11 ? 30
        : year == 1403 ? 30
        : 29;

    public static readonly Gen<(int Year, int Month, int Day)> SolarDay =
        from year in Year
        from month in Month
        from day in Gen.Int[1, DaysIn(year, month)]
        select (year, month, day);

    /// <summary>A real Solar Hijri day in ASCII or Persian digits, sometimes inside right-to-left marks.</summary>
    public static readonly Gen<string> SolarDate =
        from day in SolarDay
        from persian in Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))
        from marked in Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)))
        let text = $"{day.Year:0000}-{day.Month:00}-{day.Day:00}"
        let digits = persian ? PersianDigits(text) : text
        select marked ? "\u200F" + digits + "\u200F" : digits;

    /// <summary>Two ordered days, for from/to periods and date ranges.</summary>
    public static readonly Gen<(string From, string To)> SolarRange =
        from a in SolarDay
        from b in SolarDay
        let first = CompareDays(a, b) <= 0 ? a : b
        let last = CompareDays(a, b) <= 0 ? b : a
        select (Format(first), Format(last));

    public static string PersianDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));

    private static int CompareDays((int Year, int Month, int Day) a, (int Year, int Month, int Day) b) =>
        (a.Year, a.Month, a.Day).CompareTo((b.Year, b.Month, b.Day));

    private static string Format((int Year, int Month, int Day) day) => $"{day.Year:0000}-{day.Month:00}-{day.Day:00}";

    /// <summary>A cursor of the server's form (base64 of an item index) for a real position in a list.</summary>
    public static string Cursor(int index) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;

namespace WelfareGraph.Labels;

/// <summary>
/// The one table of what a person reads for each enum value, in Persian and English. The Persian wording is the
/// provincial office's own (its published statement); exports, the Power BI model, the statement and the
/// <c>enumLabels</c> field all read it here, so a term is changed in one place.
/// </summary>
public static class EnumLabels
{
    /// <summary>The enums a person reads, in the order <c>enumLabels</c> lists them.</summary>
    public static readonly IReadOnlyList<Type> Enums =
    [
        typeof(ContributionType),
        typeof(Sector),
        typeof(Intent),
        typeof(Channel),
        typeof(QuantityUnit),
        typeof(ValuationBasis),
        typeof(Benefit),
        typeof(ExitReason),
        typeof(CenterKind),
        typeof(CenterOwnership),
    ];

    private static readonly Dictionary<Enum, (string Fa, string En)> Table = new()
    {
        [ContributionType.Cash] = ("کمک نقدی", "Cash"),
        [ContributionType.InKind] = ("کمک غیرنقدی", "In kind"),
        [ContributionType.VolunteerService] = ("خدمات داوطلبانه", "Volunteer services"),

        [Sector.Government] = ("بخش دولتی", "Government"),
        [Sector.Charity] = ("موسسات خیریه", "Charities"),

        [Intent.EducationCultureSport] = ("برنامه‌های آموزشی، فرهنگی و ورزشی", "Education, culture and sport"),
        [Intent.Livelihood] = ("مشکلات معیشتی خانواده‌های تحت پوشش", "Livelihood of covered families"),
        [Intent.FacilityConstruction] = ("ساخت و بازسازی مراکز نگهداری", "Building and renovating care centres"),
        [Intent.Equipment] = ("خرید تجهیزات", "Equipment"),
        [Intent.Unrestricted] = ("بدون نیت مشخص", "Unrestricted"),

        [Channel.CollectionBase] = ("پایگاه‌های دائمی جمع‌آوری کمک‌های مردمی", "Collection bases"),
        [Channel.BankAccount] = ("حساب بانکی", "Bank account"),
        [Channel.CharityInstitution] = ("موسسات خیریه دارای مجوز", "Licensed charities"),
        [Channel.CenterDirect] = ("تحویل در مرکز", "Handed in at a centre"),
        [Channel.Online] = ("برخط", "Online"),

        [QuantityUnit.Hour] = ("ساعت", "Hours"),
        [QuantityUnit.Item] = ("عدد", "Items"),
        [QuantityUnit.Kilogram] = ("کیلوگرم", "Kilograms"),

        [ValuationBasis.FaceValue] = ("ارزش اسمی", "Face value"),
        [ValuationBasis.Invoice] = ("فاکتور خرید", "Invoice"),
        [ValuationBasis.MarketPrice] = ("قیمت بازار", "Market price"),
        [ValuationBasis.DonorDeclared] = ("اعلام خیر", "Declared by the donor"),
        [ValuationBasis.StandardHourlyRate] = ("نرخ استاندارد ساعتی", "Standard hourly rate"),

        [Benefit.Pension] = ("مستمری‌بگیر", "Monthly pension"),
        [Benefit.OtherServices] = ("سایر خدمات", "Other services"),

        [ExitReason.Empowered] = ("توانمندسازی", "Empowered"),
        [ExitReason.Deceased] = ("فوت", "Deceased"),
        [ExitReason.Relocated] = ("تغییر محل سکونت", "Moved away"),
        [ExitReason.NoLongerEligible] = ("خروج از شمول", "No longer eligible"),
        [ExitReason.Other] = ("سایر", "Other"),

        [CenterKind.InfantHouse] = ("شیرخوارگاه", "Infant house"),
        [CenterKind.ChildrenAndAdolescents] = ("مرکز نگهداری کودکان و نوجوانان", "Children and adolescents"),
        [CenterKind.Elderly] = ("مرکز نگهداری سالمندان", "Elderly"),
        [CenterKind.Disability] = ("مرکز نگهداری افراد دارای معلولیت", "People with disabilities"),
        [CenterKind.Rehabilitation] = ("مرکز توانبخشی", "Rehabilitation"),

        [CenterOwnership.Government] = ("دولتی", "Government"),
        [CenterOwnership.LicensedNonGovernment] = ("غیردولتی دارای مجوز", "Licensed non-government"),
    };

    public static string Fa(Enum value) => Table[value].Fa;

    public static string En(Enum value) => Table[value].En;

    public static string Of(Enum value, Language language) => language == Language.Fa ? Fa(value) : En(value);

    /// <summary>Whether the table labels this enum's values.</summary>
    public static bool Labels(Type enumType) => Enums.Contains(enumType);

    /// <summary>Every value of every listed enum, in declaration order, with its label in one language.</summary>
    public static IEnumerable<EnumLabel> All(Language language) =>
        Enums.SelectMany(type => Enum.GetValues(type).Cast<Enum>().Select(value => new EnumLabel(value, Of(value, language))));
}

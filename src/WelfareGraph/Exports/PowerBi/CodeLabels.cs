using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>Persian and English names of the coded dimensions (the Persian wording follows the provincial reports).</summary>
public static class CodeLabels
{
    public static readonly IReadOnlyDictionary<ContributionType, (string Fa, string En)> Types = new Dictionary<
        ContributionType,
        (string, string)
    >
    {
        [ContributionType.Cash] = ("کمک نقدی", "Cash"),
        [ContributionType.InKind] = ("کمک غیرنقدی", "In kind"),
        [ContributionType.VolunteerService] = ("خدمات داوطلبانه", "Volunteer services"),
    };

    public static readonly IReadOnlyDictionary<Sector, (string Fa, string En)> Sectors = new Dictionary<Sector, (string, string)>
    {
        [Sector.Government] = ("بخش دولتی", "Government"),
        [Sector.Charity] = ("موسسات خیریه", "Charities"),
    };

    public static readonly IReadOnlyDictionary<Intent, (string Fa, string En)> Intents = new Dictionary<Intent, (string, string)>
    {
        [Intent.EducationCultureSport] = ("برنامه‌های آموزشی، فرهنگی و ورزشی", "Education, culture and sport"),
        [Intent.Livelihood] = ("مشکلات معیشتی خانواده‌های تحت پوشش", "Livelihood of covered families"),
        [Intent.FacilityConstruction] = ("ساخت و بازسازی مراکز نگهداری", "Building and renovating care centres"),
        [Intent.Equipment] = ("خرید تجهیزات", "Equipment"),
        [Intent.Unrestricted] = ("بدون نیت مشخص", "Unrestricted"),
    };

    public static readonly IReadOnlyDictionary<Channel, (string Fa, string En)> Channels = new Dictionary<Channel, (string, string)>
    {
        [Channel.CollectionBase] = ("پایگاه‌های دائمی جمع‌آوری کمک‌های مردمی", "Collection bases"),
        [Channel.BankAccount] = ("حساب بانکی", "Bank account"),
        [Channel.CharityInstitution] = ("موسسات خیریه دارای مجوز", "Licensed charities"),
        [Channel.CenterDirect] = ("تحویل در مرکز", "Handed in at a centre"),
        [Channel.Online] = ("برخط", "Online"),
    };

    public static readonly IReadOnlyDictionary<Benefit, (string Fa, string En)> Benefits = new Dictionary<Benefit, (string, string)>
    {
        [Benefit.Pension] = ("مستمری‌بگیر", "Monthly pension"),
        [Benefit.OtherServices] = ("سایر خدمات", "Other services"),
    };

    public static readonly string[] DaysFa = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];
    public static readonly string[] DaysEn = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    public static IEnumerable<(string Code, string Fa, string En, int Order)> Of<T>(IReadOnlyDictionary<T, (string Fa, string En)> labels)
        where T : struct, Enum =>
        labels.OrderBy(p => Convert.ToInt32(p.Key)).Select(p => (EnumNames<T>.Of(p.Key), p.Value.Fa, p.Value.En, Convert.ToInt32(p.Key)));
}

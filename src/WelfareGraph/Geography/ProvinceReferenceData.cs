namespace WelfareGraph.Geography;

/// <summary>
/// The 31 provinces with their ISO 3166-2:IR codes as renumbered on 2020-11-24 (Zanjan is IR-19;
/// IR-11 is now Sistan and Baluchestan). Seeded by the migrations, so every database has them.
/// </summary>
public static class ProvinceReferenceData
{
    public static readonly IReadOnlyList<Province> All =
    [
        P(1, "IR-00", "مرکزی", "Markazi"),
        P(2, "IR-01", "گیلان", "Gilan"),
        P(3, "IR-02", "مازندران", "Mazandaran"),
        P(4, "IR-03", "آذربایجان شرقی", "East Azerbaijan"),
        P(5, "IR-04", "آذربایجان غربی", "West Azerbaijan"),
        P(6, "IR-05", "کرمانشاه", "Kermanshah"),
        P(7, "IR-06", "خوزستان", "Khuzestan"),
        P(8, "IR-07", "فارس", "Fars"),
        P(9, "IR-08", "کرمان", "Kerman"),
        P(10, "IR-09", "خراسان رضوی", "Razavi Khorasan"),
        P(11, "IR-10", "اصفهان", "Isfahan"),
        P(12, "IR-11", "سیستان و بلوچستان", "Sistan and Baluchestan"),
        P(13, "IR-12", "کردستان", "Kurdistan"),
        P(14, "IR-13", "همدان", "Hamadan"),
        P(15, "IR-14", "چهارمحال و بختیاری", "Chaharmahal and Bakhtiari"),
        P(16, "IR-15", "لرستان", "Lorestan"),
        P(17, "IR-16", "ایلام", "Ilam"),
        P(18, "IR-17", "کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad"),
        P(19, "IR-18", "بوشهر", "Bushehr"),
        P(20, "IR-19", "زنجان", "Zanjan"),
        P(21, "IR-20", "سمنان", "Semnan"),
        P(22, "IR-21", "یزد", "Yazd"),
        P(23, "IR-22", "هرمزگان", "Hormozgan"),
        P(24, "IR-23", "تهران", "Tehran"),
        P(25, "IR-24", "اردبیل", "Ardabil"),
        P(26, "IR-25", "قم", "Qom"),
        P(27, "IR-26", "قزوین", "Qazvin"),
        P(28, "IR-27", "گلستان", "Golestan"),
        P(29, "IR-28", "خراسان شمالی", "North Khorasan"),
        P(30, "IR-29", "خراسان جنوبی", "South Khorasan"),
        P(31, "IR-30", "البرز", "Alborz"),
    ];

    public static Province ByCode(string code) =>
        All.FirstOrDefault(p => p.Code == code) ?? throw new ArgumentException($"Unknown province code '{code}'.", nameof(code));

    private static Province P(int id, string code, string fa, string en) =>
        new()
        {
            Id = id,
            Code = code,
            NameFa = fa,
            NameEn = en,
        };
}

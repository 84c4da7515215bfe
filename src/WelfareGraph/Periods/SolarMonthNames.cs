namespace WelfareGraph.Periods;

/// <summary>Month and season names. Persian spellings use Persian ی/ک (U+06CC/U+06A9), never the Arabic forms.</summary>
public static class SolarMonthNames
{
    private static readonly string[] MonthsFa =
    [
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ];

    private static readonly string[] MonthsEn =
    [
        "Farvardin",
        "Ordibehesht",
        "Khordad",
        "Tir",
        "Mordad",
        "Shahrivar",
        "Mehr",
        "Aban",
        "Azar",
        "Dey",
        "Bahman",
        "Esfand",
    ];

    private static readonly string[] QuartersFa = ["بهار", "تابستان", "پاییز", "زمستان"];

    private static readonly string[] QuartersEn = ["Spring", "Summer", "Autumn", "Winter"];

    public static string Fa(int month) => MonthsFa[MonthIndex(month)];

    public static string En(int month) => MonthsEn[MonthIndex(month)];

    public static string QuarterFa(int quarter) => QuartersFa[QuarterIndex(quarter)];

    public static string QuarterEn(int quarter) => QuartersEn[QuarterIndex(quarter)];

    // A SolarDateException rather than IndexOutOfRange, so callers get the same message as elsewhere.
    private static int MonthIndex(int month) =>
        SolarCalendar.MonthProblem(month) is { } problem ? throw new SolarDateException(problem) : month - 1;

    private static int QuarterIndex(int quarter) =>
        SolarCalendar.QuarterProblem(quarter) is { } problem ? throw new SolarDateException(problem) : quarter - 1;
}

namespace WelfareGraph.Labels;

/// <summary>The days of the week from Saturday, the first day of the Iranian week.</summary>
public static class DayNames
{
    public static readonly IReadOnlyList<string> Fa = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];
    public static readonly IReadOnlyList<string> En = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
}

namespace WelfareGraph.Periods;

/// <summary>
/// A reporting period as dashboards ask for it: a Solar Hijri year with a month range or quarter,
/// a Gregorian date range, or a period relative to <see cref="AsOf"/> (default: today in Tehran).
/// </summary>
public sealed class PeriodInput
{
    public int? Year { get; set; }
    public int? FromMonth { get; set; }
    public int? ToMonth { get; set; }
    public int? Quarter { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public RelativePeriod? Relative { get; set; }
    public DateOnly? AsOf { get; set; }
}

public enum RelativePeriod
{
    ThisYear,
    YearToDate,
    LastYear,
    ThisQuarter,
    LastQuarter,
    ThisMonth,
    LastMonth,

    /// <summary>The three complete Solar Hijri months before the month of the as-of date.</summary>
    Last3Months,
    Last6Months,
    Last12Months,
}

using System.Linq.Expressions;
using WelfareGraph.Contributions;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>
/// A period of whole Solar Hijri months, from one month to another (possibly of a later year): what the rollup's cells can sum.
/// </summary>
public readonly record struct SolarMonths(int FromYear, int FromMonth, int ToYear, int ToMonth)
{
    /// <summary>The months <paramref name="period"/> is made of, or null when it starts or ends inside a month.</summary>
    public static SolarMonths? Of(ResolvedPeriod period)
    {
        if (period.SolarYear is { } year)
            return new SolarMonths(year, period.FromMonth!.Value, year, period.ToMonth!.Value);
        var from = SolarCalendar.FromGregorian(period.From);
        var to = SolarCalendar.FromGregorian(period.To);
        return from.Day == 1 && period.To == SolarCalendar.MonthEnd(to.Year, to.Month) && period.From <= period.To
            ? new SolarMonths(from.Year, from.Month, to.Year, to.Month)
            : null;
    }

    /// <summary>
    /// These months, as a condition on the period columns: rewritten over a rollup's cells by <see cref="RollupFilter"/>
    /// (a rollup's key starts with them).
    /// </summary>
    public Expression<Func<Contribution, bool>> Contains()
    {
        var (fromYear, fromMonth, toYear, toMonth) = this;
        if (fromYear == toYear)
            return m => m.SolarYear == fromYear && m.SolarMonth >= fromMonth && m.SolarMonth <= toMonth;
        return m =>
            m.SolarYear >= fromYear
            && m.SolarYear <= toYear
            && (m.SolarYear != fromYear || m.SolarMonth >= fromMonth)
            && (m.SolarYear != toYear || m.SolarMonth <= toMonth);
    }
}

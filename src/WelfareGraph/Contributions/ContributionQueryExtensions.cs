using WelfareGraph.Periods;

namespace WelfareGraph.Contributions;

public static class ContributionQueryExtensions
{
    /// <summary>
    /// Whole Solar Hijri months filter on the stored period columns (the slicing index leads with them);
    /// any other range filters on the date.
    /// </summary>
    public static IQueryable<Contribution> InPeriod(this IQueryable<Contribution> query, ResolvedPeriod period) =>
        period.SolarYear is { } year
            ? query.Where(c => c.SolarYear == year && c.SolarMonth >= period.FromMonth && c.SolarMonth <= period.ToMonth)
            : query.Where(c => c.Date >= period.From && c.Date <= period.To);
}

namespace WelfareGraph.Households;

public static class HouseholdQueryExtensions
{
    /// <summary>Households covered on <paramref name="day"/>: started on or before it, and not ended before it.</summary>
    public static IQueryable<Household> CoveredOn(this IQueryable<Household> query, DateOnly day) =>
        query.Where(h => h.CoveredSince <= day && (h.CoveredUntil == null || h.CoveredUntil >= day));
}

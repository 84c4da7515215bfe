namespace WelfareGraph.Analytics;

/// <summary>
/// What contribution totals can be grouped by. MONTH and QUARTER are calendar buckets of a year; MONTH_OF_YEAR is seasonality.
/// </summary>
public enum ContributionDimension
{
    Province,
    County,
    Type,
    Sector,
    Intent,
    Channel,
    Center,
    Charity,
    Year,
    Quarter,
    Month,
    MonthOfYear,
}

public enum HouseholdDimension
{
    Province,
    County,
    Benefit,
}

public enum CenterDimension
{
    Province,
    County,
    Kind,
    Ownership,
}

public static class DimensionSlots
{
    /// <summary>The key slots of a dimension: a month of a year is two columns (year, month).</summary>
    public static IEnumerable<Slot> Of(ContributionDimension dimension) =>
        dimension switch
        {
            ContributionDimension.Province => [Slot.Province],
            ContributionDimension.County => [Slot.County],
            ContributionDimension.Type => [Slot.Type],
            ContributionDimension.Sector => [Slot.Sector],
            ContributionDimension.Intent => [Slot.Intent],
            ContributionDimension.Channel => [Slot.Channel],
            ContributionDimension.Center => [Slot.Center],
            ContributionDimension.Charity => [Slot.Charity],
            ContributionDimension.Year => [Slot.Year],
            ContributionDimension.Quarter => [Slot.Year, Slot.Quarter],
            ContributionDimension.Month => [Slot.Year, Slot.Month],
            ContributionDimension.MonthOfYear => [Slot.Month],
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };

    public static Slot Of(HouseholdDimension dimension) =>
        dimension switch
        {
            HouseholdDimension.Province => Slot.Province,
            HouseholdDimension.County => Slot.County,
            _ => Slot.Benefit,
        };

    public static Slot Of(CenterDimension dimension) =>
        dimension switch
        {
            CenterDimension.Province => Slot.Province,
            CenterDimension.County => Slot.County,
            CenterDimension.Kind => Slot.Kind,
            _ => Slot.Ownership,
        };

    /// <summary>The distinct slots of a list of dimensions, in the order first asked for.</summary>
    public static List<Slot> Of(IEnumerable<ContributionDimension> dimensions) => dimensions.SelectMany(Of).Distinct().ToList();
}

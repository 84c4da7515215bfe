using WelfareGraph.Contributions;

namespace WelfareGraph.Data.Rollups;

/// <summary>The key of one <see cref="MonthlyContribution"/> cell.</summary>
public readonly record struct MonthlyCell(
    int SolarYear,
    int SolarMonth,
    int CountyId,
    ContributionType Type,
    Sector Sector,
    Intent Intent,
    Channel Channel
) : IComparable<MonthlyCell>
{
    public static MonthlyCell Of(Contribution row) =>
        new(row.SolarYear, row.SolarMonth, row.CountyId, row.Type, row.Sector, row.Intent, row.Channel);

    public int CompareTo(MonthlyCell other) =>
        (SolarYear, SolarMonth, CountyId, Type, Sector, Intent, Channel).CompareTo(
            (other.SolarYear, other.SolarMonth, other.CountyId, other.Type, other.Sector, other.Intent, other.Channel)
        );
}

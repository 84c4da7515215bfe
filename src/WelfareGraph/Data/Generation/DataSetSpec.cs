using WelfareGraph.Contributions;

namespace WelfareGraph.Data.Generation;

/// <summary>What a generated data set holds. The demo set and the test and benchmark sets are all specs.</summary>
public sealed record DataSetSpec
{
    public required int Seed { get; init; }
    public required string SourceSystem { get; init; }
    public required IReadOnlyList<ProvinceSpec> Provinces { get; init; }

    /// <summary>Exact rial totals per province, sector, type and Solar Hijri month range.</summary>
    public required IReadOnlyList<Budget> Budgets { get; init; }

    /// <summary>Average number of contribution rows per county × month × sector × type cell.</summary>
    public double ContributionsPerCell { get; init; } = 6;
}

public sealed record ProvinceSpec(
    string Code,
    IReadOnlyList<CountySpec> Counties,
    HouseholdSpec Households,
    IReadOnlyList<CenterSpec> Centers,
    int CharitiesPerCounty
);

/// <param name="Weight">Relative size, used to split budgets and households between counties.</param>
public sealed record CountySpec(string Code, string NameFa, string NameEn, int TotalHouseholds, double Weight);

/// <summary>Households covered on <paramref name="AsOf"/>, plus some that left before it or joined after it.</summary>
public sealed record HouseholdSpec(DateOnly AsOf, int Pensioners, int OtherServices, int ExitedBefore, int JoinedAfter);

public sealed record CenterSpec(
    string CountyCode,
    string Name,
    string NameEn,
    Centers.CenterKind Kind,
    Centers.CenterOwnership Ownership,
    int Capacity,
    int Residents
);

public sealed record Budget(
    string ProvinceCode,
    int Year,
    int FromMonth,
    int ToMonth,
    Sector Sector,
    ContributionType Type,
    long AmountRial
);

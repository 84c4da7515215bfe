using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Data.Generation;

/// <summary>
/// Specs for data sets other than the demo: any seed, provinces and size. Tests use them so that nothing
/// passes by matching the published constants alone; benchmarks use them for 1M and 10M rows.
/// </summary>
public static class RandomDataSet
{
    public static DataSetSpec Spec(
        int seed,
        IReadOnlyList<string> provinceCodes,
        int countiesPerProvince,
        int contributions,
        string? sourceSystem = null
    )
    {
        var random = new Random(seed);
        var asOf = SolarCalendar.ToGregorian(1404, 9, 30);
        var periods = new[] { (Year: 1402, To: 12), (Year: 1403, To: 12), (Year: 1404, To: 9) };
        var provinces = provinceCodes
            .Select(code =>
            {
                var name = ProvinceReferenceData.ByCode(code);
                var counties = Enumerable
                    .Range(1, countiesPerProvince)
                    .Select(i =>
                    {
                        var total = 5_000 + random.Next(150_000);
                        return new CountySpec($"{code}-{i:D2}", $"شهرستان {i} {name.NameFa}", $"{name.NameEn} County {i}", total, total);
                    })
                    .ToList();
                var covered = counties.Sum(c => c.TotalHouseholds) * (5 + random.Next(6)) / 100;
                var pensioners = covered * (50 + random.Next(25)) / 100;
                var centers = counties
                    .SelectMany(
                        (c, i) =>
                            Enumerable
                                .Range(0, 1 + random.Next(3))
                                .Select(j =>
                                {
                                    var capacity = 20 + random.Next(200);
                                    var kind = (CenterKind)(1 + random.Next(5));
                                    return new CenterSpec(
                                        c.Code,
                                        $"مرکز {j + 1} {c.NameFa}",
                                        $"Centre {j + 1} of {c.NameEn}",
                                        kind,
                                        (CenterOwnership)(1 + random.Next(2)),
                                        capacity,
                                        random.Next(capacity + 1)
                                    );
                                })
                    )
                    .ToList();
                return new ProvinceSpec(
                    code,
                    counties,
                    new HouseholdSpec(asOf, pensioners, covered - pensioners, covered / 12, covered / 100),
                    centers,
                    1 + random.Next(3)
                );
            })
            .ToList();

        var budgets = (
            from p in provinces
            from period in periods
            from sector in new[] { Sector.Government, Sector.Charity }
            from type in Enum.GetValues<ContributionType>()
            select new Budget(
                p.Code,
                period.Year,
                1,
                period.To,
                sector,
                type,
                (long)(1 + random.Next(400)) * 100_000_000 + random.Next(1_000) * 10_000L
            )
        ).ToList();

        var cells = provinces.Sum(p => p.Counties.Count) * periods.Sum(p => p.To) * 2 * 3;
        return new DataSetSpec
        {
            Seed = seed,
            SourceSystem = sourceSystem ?? $"gen{seed}",
            Provinces = provinces,
            Budgets = budgets,
            ContributionsPerCell = Math.Max(1, (double)contributions / cells),
        };
    }
}

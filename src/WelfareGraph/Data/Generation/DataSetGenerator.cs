using System.Security.Cryptography;
using System.Text;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Periods;

namespace WelfareGraph.Data.Generation;

/// <summary>
/// Turns a <see cref="DataSetSpec"/> into rows, deterministically for a given seed.
/// Budgets are split exactly (in rial) between counties, months and rows, so totals are known in advance.
/// </summary>
public static class DataSetGenerator
{
    // Amounts are whole thousands of toman, as receipts are written.
    private const long Grain = 10_000;

    public static GeneratedDataSet Generate(DataSetSpec spec)
    {
        var random = new Random(spec.Seed);
        var set = new GeneratedDataSet { Spec = spec };
        var countiesByProvince = new Dictionary<string, List<County>>();

        foreach (var province in spec.Provinces)
        {
            var counties = province
                .Counties.Select(c => new County
                {
                    Code = c.Code,
                    NameFa = c.NameFa,
                    NameEn = c.NameEn,
                    TotalHouseholds = c.TotalHouseholds,
                    ProvinceId = ProvinceReferenceData.ByCode(province.Code).Id,
                })
                .ToList();
            set.Counties.AddRange(counties);
            countiesByProvince[province.Code] = counties;
            AddCharities(set, counties, province.CharitiesPerCounty);
            AddCenters(set, province, counties);
            AddHouseholds(set, random, province, counties);
        }

        // Per county once, not per generated row.
        var charitiesByCounty = set.Charities.GroupBy(c => c.County).ToDictionary(g => g.Key, g => g.ToList());
        var centersByCounty = set.Centers.GroupBy(c => c.County).ToDictionary(g => g.Key, g => g.ToList());
        var serial = 0;
        foreach (var budget in spec.Budgets)
        {
            var province = spec.Provinces.Single(p => p.Code == budget.ProvinceCode);
            var counties = countiesByProvince[budget.ProvinceCode];
            var months = Enumerable.Range(budget.FromMonth, budget.ToMonth - budget.FromMonth + 1).ToArray();
            var cells = (from c in Enumerable.Range(0, counties.Count) from m in months select (County: c, Month: m)).ToArray();
            var monthWeights = Allocation.Jittered(random, 12, 0.6);
            var weights = cells.Select(cell => province.Counties[cell.County].Weight * monthWeights[cell.Month - 1]).ToArray();
            var cellAmounts = Allocation.Split(budget.AmountRial, weights, Grain);

            for (var i = 0; i < cells.Length; i++)
            {
                var county = counties[cells[i].County];
                var maxRows = (int)Math.Max(1, cellAmounts[i] / Grain);
                var rows = Math.Clamp((int)Math.Round(spec.ContributionsPerCell * (0.5 + random.NextDouble())), 1, maxRows);
                var amounts = Allocation.Split(cellAmounts[i], Allocation.Jittered(random, rows, 1.6), Grain);
                foreach (var amount in amounts)
                    set.Contributions.Add(
                        NewContribution(
                            random,
                            spec,
                            budget,
                            county,
                            charitiesByCounty.GetValueOrDefault(county) ?? [],
                            centersByCounty.GetValueOrDefault(county) ?? [],
                            cells[i].Month,
                            amount,
                            ++serial
                        )
                    );
            }
        }
        return set;
    }

    private static Contribution NewContribution(
        Random random,
        DataSetSpec spec,
        Budget budget,
        County county,
        List<Charity> charities,
        List<Center> centers,
        int month,
        long amount,
        int serial
    )
    {
        var day = 1 + random.Next(SolarCalendar.DaysInMonth(budget.Year, month));
        var contribution = new Contribution
        {
            Type = budget.Type,
            Sector = budget.Sector,
            Intent = Pick(random, IntentWeights),
            AmountRial = amount,
            County = county,
            SourceSystem = spec.SourceSystem,
            ExternalId = $"{spec.SourceSystem}-{serial:D8}",
        };
        contribution.SetDate(SolarCalendar.ToGregorian(budget.Year, month, day));

        if (budget.Sector == Sector.Charity)
        {
            contribution.Channel = Channel.CharityInstitution;
            contribution.Charity = charities.Count > 0 ? charities[random.Next(charities.Count)] : null;
        }
        else
        {
            contribution.Channel = Pick(random, GovernmentChannelWeights);
            // The infant house's own bank account takes gifts for it (FACTS: شیرخوارگاه با شماره حساب مشخص).
            var infantHouse = centers.FirstOrDefault(c => c.Kind == CenterKind.InfantHouse);
            if (contribution.Channel == Channel.BankAccount && infantHouse is not null)
                contribution.Center = infantHouse;
            else if (contribution.Channel == Channel.CenterDirect && centers.Count > 0)
                contribution.Center = centers[random.Next(centers.Count)];
            else if (contribution.Channel == Channel.CenterDirect)
                contribution.Channel = Channel.CollectionBase;
        }

        switch (budget.Type)
        {
            case ContributionType.InKind:
                var (description, unit) = InKindGoods[random.Next(InKindGoods.Length)];
                contribution.Description = description;
                contribution.QuantityUnit = unit;
                contribution.Quantity = 1 + random.Next(200);
                contribution.ValuationBasis = random.Next(3) switch
                {
                    0 => ValuationBasis.Invoice,
                    1 => ValuationBasis.MarketPrice,
                    _ => ValuationBasis.DonorDeclared,
                };
                break;
            case ContributionType.VolunteerService:
                contribution.Description = VolunteerServices[random.Next(VolunteerServices.Length)];
                contribution.QuantityUnit = QuantityUnit.Hour;
                contribution.Quantity = Math.Max(0.5m, Math.Round(amount / (decimal)VolunteerHourRial * 2) / 2);
                contribution.ValuationBasis = ValuationBasis.StandardHourlyRate;
                break;
            default:
                contribution.ValuationBasis = ValuationBasis.FaceValue;
                break;
        }
        return contribution;
    }

    private static void AddCharities(GeneratedDataSet set, List<County> counties, int perCounty)
    {
        foreach (var county in counties)
            for (var i = 1; i <= perCounty; i++)
                set.Charities.Add(
                    new Charity
                    {
                        Code = $"CH-{county.Code}-{i:D2}",
                        Name = $"موسسه خیریه {CharityNamesFa[(i - 1) % CharityNamesFa.Length]} {county.NameFa}",
                        NameEn = $"{CharityNamesEn[(i - 1) % CharityNamesEn.Length]} Charity of {county.NameEn}",
                        LicenceNo = $"{county.Code[3..5]}{county.Code[6..]}-{1400 + i}-{i * 37 % 1000:D3}",
                        County = county,
                    }
                );
    }

    private static void AddCenters(GeneratedDataSet set, ProvinceSpec province, List<County> counties)
    {
        var serial = 0;
        foreach (var spec in province.Centers)
            set.Centers.Add(
                new Center
                {
                    Code = $"CE-{spec.CountyCode}-{++serial:D2}",
                    Name = spec.Name,
                    NameEn = spec.NameEn,
                    Kind = spec.Kind,
                    Ownership = spec.Ownership,
                    Capacity = spec.Capacity,
                    Residents = spec.Residents,
                    County = counties.Single(c => c.Code == spec.CountyCode),
                }
            );
    }

    private static void AddHouseholds(GeneratedDataSet set, Random random, ProvinceSpec province, List<County> counties)
    {
        var spec = province.Households;
        var weights = province.Counties.Select(c => c.Weight).ToArray();
        var pension = Allocation.Split(spec.Pensioners, weights, 1);
        var other = Allocation.Split(spec.OtherServices, weights, 1);
        var asOf = spec.AsOf;
        var earliest = SolarCalendar.ToGregorian(1385, 1, 1);

        for (var c = 0; c < counties.Count; c++)
        {
            for (var i = 0; i < pension[c] + other[c]; i++)
            {
                var since = RandomDate(random, earliest, asOf);
                // A few covered households have a planned end after the as-of date: still covered on it.
                DateOnly? until = random.Next(40) == 0 ? asOf.AddDays(1 + random.Next(90)) : null;
                set.Households.Add(
                    NewHousehold(
                        set,
                        random,
                        counties[c],
                        i < pension[c] ? Benefit.Pension : Benefit.OtherServices,
                        since,
                        until,
                        until is null ? null : ExitReason.Empowered
                    )
                );
            }
        }
        // Households of any county and benefit: those that left before the as-of date and those that joined after it.
        Household Anywhere(DateOnly since, DateOnly? until, ExitReason? exit) =>
            NewHousehold(set, random, counties[random.Next(counties.Count)], RandomBenefit(random), since, until, exit);
        for (var i = 0; i < spec.ExitedBefore; i++)
        {
            var since = RandomDate(random, earliest, asOf.AddDays(-400));
            var until = RandomDate(random, since.AddDays(30), asOf.AddDays(-1));
            set.Households.Add(Anywhere(since, until, (ExitReason)(1 + random.Next(5))));
        }
        for (var i = 0; i < spec.JoinedAfter; i++)
            set.Households.Add(Anywhere(asOf.AddDays(1 + random.Next(60)), null, null));
    }

    private static Household NewHousehold(
        GeneratedDataSet set,
        Random random,
        County county,
        Benefit benefit,
        DateOnly since,
        DateOnly? until,
        ExitReason? exit
    ) =>
        new()
        {
            // Demo households never had a national id; a random pseudonym keeps the same shape as real ones.
            Pseudonym = Convert.ToHexStringLower(
                SHA256.HashData(Encoding.UTF8.GetBytes($"{set.Spec.Seed}/{set.Households.Count}/{random.Next()}"))
            ),
            County = county,
            Benefit = benefit,
            CoveredSince = since,
            CoveredUntil = until,
            ExitReason = exit,
            Members = 1 + random.Next(6),
            SourceSystem = set.Spec.SourceSystem,
        };

    private static Benefit RandomBenefit(Random random) => random.Next(100) < 63 ? Benefit.Pension : Benefit.OtherServices;

    private static DateOnly RandomDate(Random random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(Math.Max(1, to.DayNumber - from.DayNumber + 1)));

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
            if ((roll -= weight) < 0)
                return value;
        return choices[^1].Value;
    }

    private const long VolunteerHourRial = 1_500_000;

    private static readonly (Intent, int)[] IntentWeights =
    [
        (Intent.Livelihood, 35),
        (Intent.EducationCultureSport, 15),
        (Intent.FacilityConstruction, 15),
        (Intent.Equipment, 15),
        (Intent.Unrestricted, 20),
    ];

    private static readonly (Channel, int)[] GovernmentChannelWeights =
    [
        (Channel.CollectionBase, 50),
        (Channel.BankAccount, 25),
        (Channel.CenterDirect, 15),
        (Channel.Online, 10),
    ];

    private static readonly (string, QuantityUnit)[] InKindGoods =
    [
        ("اقلام غذایی", QuantityUnit.Kilogram),
        ("پوشاک", QuantityUnit.Item),
        ("لوازم التحریر", QuantityUnit.Item),
        ("تجهیزات پزشکی", QuantityUnit.Item),
        ("لوازم خانگی", QuantityUnit.Item),
        ("مصالح ساختمانی", QuantityUnit.Kilogram),
    ];

    private static readonly string[] VolunteerServices =
    [
        "خدمات پزشکی و درمانی",
        "آموزش و کلاس‌های فوق برنامه",
        "مشاوره",
        "بازسازی مراکز",
        "برنامه‌های ورزشی",
    ];

    private static readonly string[] CharityNamesFa = ["نیکوکاران", "امید", "مهرورزان", "همیاران سلامت"];
    private static readonly string[] CharityNamesEn = ["Benefactors", "Hope", "Kindness", "Health Helpers"];
}

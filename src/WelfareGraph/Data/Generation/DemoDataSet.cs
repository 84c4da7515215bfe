using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Periods;

namespace WelfareGraph.Data.Generation;

/// <summary>
/// The embedded demo: Zanjan province (IR-19), Solar Hijri 1403 and months 1–9 of 1404.
/// Province-wide figures for 1404 months 1–9 are the ones Zanjan published for that period; how they split between
/// counties, months, intents and channels — and all of 1403 — is invented demo data.
/// </summary>
public static class DemoDataSet
{
    public const string SourceSystem = "demo";

    /// <summary>30 Azar 1404: the end of the published nine-month period.</summary>
    public static readonly DateOnly StatementDate = SolarCalendar.ToGregorian(1404, 9, 30);

    public static DataSetSpec Spec { get; } =
        new()
        {
            Seed = 1404,
            SourceSystem = SourceSystem,
            ContributionsPerCell = 6,
            Provinces =
            [
                new ProvinceSpec(
                    "IR-19",
                    // All-households counts are invented per county; they add up to the published 382,575.
                    [
                        new("IR-19-01", "زنجان", "Zanjan", 199_775, 199_775),
                        new("IR-19-02", "ابهر", "Abhar", 58_400, 58_400),
                        new("IR-19-03", "خدابنده", "Khodabandeh", 52_600, 52_600),
                        new("IR-19-04", "خرمدره", "Khorramdarreh", 24_300, 24_300),
                        new("IR-19-05", "طارم", "Tarom", 15_400, 15_400),
                        new("IR-19-06", "ماهنشان", "Mahneshan", 12_100, 12_100),
                        new("IR-19-07", "ایجرود", "Ijrud", 11_200, 11_200),
                        new("IR-19-08", "سلطانیه", "Soltaniyeh", 8_800, 8_800),
                    ],
                    new HouseholdSpec(StatementDate, Pensioners: 19_361, OtherServices: 11_245, ExitedBefore: 2_400, JoinedAfter: 180),
                    [
                        new(
                            "IR-19-01",
                            "شیرخوارگاه زنجان",
                            "Zanjan Infant House",
                            CenterKind.InfantHouse,
                            CenterOwnership.Government,
                            60,
                            46
                        ),
                        new(
                            "IR-19-01",
                            "مرکز نگهداری سالمندان زنجان",
                            "Zanjan Elderly Care Centre",
                            CenterKind.Elderly,
                            CenterOwnership.LicensedNonGovernment,
                            180,
                            164
                        ),
                        new(
                            "IR-19-01",
                            "مرکز توانبخشی معلولان ذهنی زنجان",
                            "Zanjan Intellectual Disability Centre",
                            CenterKind.Disability,
                            CenterOwnership.LicensedNonGovernment,
                            220,
                            198
                        ),
                        new(
                            "IR-19-01",
                            "خانه کودکان و نوجوانان زنجان",
                            "Zanjan Children's Home",
                            CenterKind.ChildrenAndAdolescents,
                            CenterOwnership.Government,
                            40,
                            31
                        ),
                        new(
                            "IR-19-01",
                            "مرکز بازتوانی زنجان",
                            "Zanjan Rehabilitation Centre",
                            CenterKind.Rehabilitation,
                            CenterOwnership.LicensedNonGovernment,
                            90,
                            72
                        ),
                        new(
                            "IR-19-02",
                            "مرکز نگهداری سالمندان ابهر",
                            "Abhar Elderly Care Centre",
                            CenterKind.Elderly,
                            CenterOwnership.LicensedNonGovernment,
                            120,
                            104
                        ),
                        new(
                            "IR-19-02",
                            "مرکز توانبخشی ابهر",
                            "Abhar Disability Centre",
                            CenterKind.Disability,
                            CenterOwnership.LicensedNonGovernment,
                            110,
                            96
                        ),
                        new(
                            "IR-19-03",
                            "مرکز توانبخشی خدابنده",
                            "Khodabandeh Disability Centre",
                            CenterKind.Disability,
                            CenterOwnership.LicensedNonGovernment,
                            100,
                            88
                        ),
                        new(
                            "IR-19-03",
                            "مرکز نگهداری سالمندان خدابنده",
                            "Khodabandeh Elderly Care Centre",
                            CenterKind.Elderly,
                            CenterOwnership.LicensedNonGovernment,
                            70,
                            61
                        ),
                        new(
                            "IR-19-04",
                            "مرکز توانبخشی خرمدره",
                            "Khorramdarreh Disability Centre",
                            CenterKind.Disability,
                            CenterOwnership.LicensedNonGovernment,
                            80,
                            67
                        ),
                        new(
                            "IR-19-04",
                            "خانه کودکان خرمدره",
                            "Khorramdarreh Children's Home",
                            CenterKind.ChildrenAndAdolescents,
                            CenterOwnership.Government,
                            25,
                            18
                        ),
                        new(
                            "IR-19-05",
                            "مرکز نگهداری سالمندان طارم",
                            "Tarom Elderly Care Centre",
                            CenterKind.Elderly,
                            CenterOwnership.LicensedNonGovernment,
                            45,
                            37
                        ),
                        new(
                            "IR-19-06",
                            "مرکز توانبخشی ماهنشان",
                            "Mahneshan Disability Centre",
                            CenterKind.Disability,
                            CenterOwnership.LicensedNonGovernment,
                            40,
                            33
                        ),
                        new(
                            "IR-19-07",
                            "مرکز نگهداری سالمندان ایجرود",
                            "Ijrud Elderly Care Centre",
                            CenterKind.Elderly,
                            CenterOwnership.LicensedNonGovernment,
                            35,
                            27
                        ),
                        new(
                            "IR-19-08",
                            "مرکز بازتوانی سلطانیه",
                            "Soltaniyeh Rehabilitation Centre",
                            CenterKind.Rehabilitation,
                            CenterOwnership.LicensedNonGovernment,
                            50,
                            41
                        ),
                    ],
                    CharitiesPerCounty: 2
                ),
            ],
            Budgets =
            [
                // Published: first nine months of 1404 (toman × 10 = rial).
                new("IR-19", 1404, 1, 9, Sector.Government, ContributionType.Cash, 53_000_000_000),
                new("IR-19", 1404, 1, 9, Sector.Government, ContributionType.InKind, 336_000_000_000),
                new("IR-19", 1404, 1, 9, Sector.Government, ContributionType.VolunteerService, 11_500_000_000),
                // Published as one figure (16 billion toman); its split by type is invented.
                new("IR-19", 1404, 1, 9, Sector.Charity, ContributionType.Cash, 96_000_000_000),
                new("IR-19", 1404, 1, 9, Sector.Charity, ContributionType.InKind, 56_000_000_000),
                new("IR-19", 1404, 1, 9, Sector.Charity, ContributionType.VolunteerService, 8_000_000_000),
                // Invented: all of 1403, for comparisons with the previous year.
                new("IR-19", 1403, 1, 12, Sector.Government, ContributionType.Cash, 61_200_000_000),
                new("IR-19", 1403, 1, 12, Sector.Government, ContributionType.InKind, 389_000_000_000),
                new("IR-19", 1403, 1, 12, Sector.Government, ContributionType.VolunteerService, 13_800_000_000),
                new("IR-19", 1403, 1, 12, Sector.Charity, ContributionType.Cash, 118_000_000_000),
                new("IR-19", 1403, 1, 12, Sector.Charity, ContributionType.InKind, 70_000_000_000),
                new("IR-19", 1403, 1, 12, Sector.Charity, ContributionType.VolunteerService, 9_600_000_000),
            ],
        };
}

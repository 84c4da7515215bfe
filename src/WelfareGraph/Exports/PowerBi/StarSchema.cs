using System.Linq.Expressions;
using WelfareGraph.Analytics;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Labels;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// The star schema over a scoped context: EF projections that SQL answers (facts and place dimensions), the
/// coded dimensions, the date table, and household counts by county × benefit × month computed by the
/// analytics engine with its small-cell suppression. The Power BI model and the OData feed both read it.
/// </summary>
public static class StarSchema
{
    private static readonly Expression<Func<Contribution, ContributionFact>> ContributionProjection = Codes.Inline<
        Contribution,
        ContributionFact
    >(c => new ContributionFact
    {
        Id = c.Id,
        Date = c.Date,
        SolarYear = c.SolarYear,
        SolarQuarter = c.SolarQuarter,
        SolarMonth = c.SolarMonth,
        Type = Codes.Of(c.Type),
        Sector = Codes.Of(c.Sector),
        Intent = Codes.Of(c.Intent),
        Channel = Codes.Of(c.Channel),
        AmountRial = c.AmountRial,
        Quantity = c.Quantity,
        QuantityUnit = Codes.Of(c.QuantityUnit),
        ValuationBasis = Codes.Of(c.ValuationBasis),
        ProvinceCode = c.County.Province.Code,
        CountyCode = c.County.Code,
        CenterCode = c.Center != null ? c.Center.Code : null,
        CharityCode = c.Charity != null ? c.Charity.Code : null,
    });

    private static readonly Expression<Func<MonthlyContribution, MonthlyContributionFact>> MonthlyProjection = Codes.Inline<
        MonthlyContribution,
        MonthlyContributionFact
    >(m => new MonthlyContributionFact
    {
        Key =
            m.County.Code
            + "/"
            + m.SolarYear.ToString()
            + "/"
            + m.SolarMonth.ToString()
            + "/"
            + ((int)m.Type).ToString()
            + "/"
            + ((int)m.Sector).ToString()
            + "/"
            + ((int)m.Intent).ToString()
            + "/"
            + ((int)m.Channel).ToString(),
        SolarYear = m.SolarYear,
        SolarQuarter = m.SolarQuarter,
        SolarMonth = m.SolarMonth,
        Type = Codes.Of(m.Type),
        Sector = Codes.Of(m.Sector),
        Intent = Codes.Of(m.Intent),
        Channel = Codes.Of(m.Channel),
        ProvinceCode = m.County.Province.Code,
        CountyCode = m.County.Code,
        SumRial = m.SumRial,
        Contributions = m.RowCount,
        MinRial = m.MinRial,
        MaxRial = m.MaxRial,
    });

    private static readonly Expression<Func<Center, CenterDim>> CenterProjection = Codes.Inline<Center, CenterDim>(c => new CenterDim
    {
        CenterCode = c.Code,
        Name = c.Name,
        NameEn = c.NameEn,
        Kind = Codes.Of(c.Kind),
        Ownership = Codes.Of(c.Ownership),
        Capacity = c.Capacity,
        Residents = c.Residents,
        CountyCode = c.County.Code,
    });

    private static readonly Expression<Func<Household, HouseholdRow>> HouseholdProjection = Codes.Inline<Household, HouseholdRow>(
        h => new HouseholdRow
        {
            HouseholdId = h.Pseudonym,
            ProvinceCode = h.County.Province.Code,
            CountyCode = h.County.Code,
            Benefit = Codes.Of(h.Benefit),
            CoveredSince = h.CoveredSince,
            CoveredUntil = h.CoveredUntil,
            ExitReason = Codes.Of(h.ExitReason),
            Members = h.Members,
        }
    );

    public static IQueryable<ContributionFact> Contributions(WelfareDbContext db) =>
        db.Contributions.AsNoTracking().Select(ContributionProjection);

    /// <summary>The monthly rollup's cells (in the caller's scope, like the facts).</summary>
    public static IQueryable<MonthlyContributionFact> MonthlyContributions(WelfareDbContext db) =>
        db.MonthlyContributions.AsNoTracking().Select(MonthlyProjection);

    public static IQueryable<HouseholdRow> Households(WelfareDbContext db) => db.Households.AsNoTracking().Select(HouseholdProjection);

    public static IQueryable<ProvinceDim> Provinces(WelfareDbContext db) =>
        db
            .Provinces.AsNoTracking()
            .Select(p => new ProvinceDim
            {
                ProvinceCode = p.Code,
                NameFa = p.NameFa,
                NameEn = p.NameEn,
            });

    public static IQueryable<CountyDim> Counties(WelfareDbContext db) =>
        db
            .Counties.AsNoTracking()
            .Select(c => new CountyDim
            {
                CountyCode = c.Code,
                NameFa = c.NameFa,
                NameEn = c.NameEn,
                ProvinceCode = c.Province.Code,
                TotalHouseholds = c.TotalHouseholds,
            });

    public static IQueryable<CenterDim> Centers(WelfareDbContext db) => db.Centers.AsNoTracking().Select(CenterProjection);

    public static IQueryable<CharityDim> Charities(WelfareDbContext db) =>
        db
            .Charities.AsNoTracking()
            .Select(c => new CharityDim
            {
                CharityCode = c.Code,
                Name = c.Name,
                NameEn = c.NameEn,
                LicenceNo = c.LicenceNo,
                CountyCode = c.County.Code,
            });

    public static IReadOnlyList<ContributionTypeDim> ContributionTypes { get; } =
        CodeDimension.Of<ContributionType, ContributionTypeDim>((d, code) => d.Type = code);

    public static IReadOnlyList<SectorDim> Sectors { get; } = CodeDimension.Of<Sector, SectorDim>((d, code) => d.Sector = code);

    public static IReadOnlyList<IntentDim> Intents { get; } = CodeDimension.Of<Intent, IntentDim>((d, code) => d.Intent = code);

    public static IReadOnlyList<ChannelDim> Channels { get; } = CodeDimension.Of<Channel, ChannelDim>((d, code) => d.Channel = code);

    public static IReadOnlyList<BenefitDim> Benefits { get; } = CodeDimension.Of<Benefit, BenefitDim>((d, code) => d.Benefit = code);

    /// <summary>Whole Solar Hijri years from the first contribution the caller can see to this year.</summary>
    public static async Task<(DateOnly From, DateOnly To)> DateRangeAsync(
        WelfareDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var today = SolarCalendar.TodayInTehran(clock);
        var last = await db.Contributions.MaxAsync(c => (DateOnly?)c.Date, cancellationToken) ?? today;
        var lastYear = Math.Max(SolarCalendar.FromGregorian(last).Year, SolarCalendar.FromGregorian(today).Year);
        return (await FirstDayAsync(db, today, cancellationToken), SolarCalendar.YearEnd(lastYear));
    }

    /// <summary>The first day of the Solar Hijri year of the first contribution the caller can see (this year without any).</summary>
    private static async Task<DateOnly> FirstDayAsync(WelfareDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        SolarCalendar.YearStart(
            SolarCalendar.FromGregorian(await db.Contributions.MinAsync(c => (DateOnly?)c.Date, cancellationToken) ?? today).Year
        );

    public static async Task<IReadOnlyList<DateDim>> DatesAsync(
        WelfareDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var (from, to) = await DateRangeAsync(db, clock, cancellationToken);
        return DateTable.Days(from, to).ToList();
    }

    /// <summary>
    /// Covered households by county × benefit at the end of each month of the date table up to today, from the
    /// analytics engine (<see cref="HouseholdTotalsQuery"/>): a cell below the threshold has no count and is
    /// marked suppressed, exactly as <c>householdTotals</c> publishes it.
    /// </summary>
    public static async Task<IReadOnlyList<HouseholdCount>> HouseholdCountsAsync(
        WelfareDbContext db,
        int threshold,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var today = SolarCalendar.TodayInTehran(clock);
        var from = await FirstDayAsync(db, today, cancellationToken);
        var places = await Places.LoadAsync(db, cancellationToken);
        var start = SolarCalendar.FromGregorian(from);
        var end = SolarCalendar.FromGregorian(today);
        // Counted at each month's end (this month: today), from the first month of data.
        DateOnly CountingDay(int year, int month)
        {
            var monthEnd = SolarCalendar.MonthEnd(year, month);
            return monthEnd < today ? monthEnd : today;
        }
        var (first, last) = (PeriodMath.MonthIndex(start.Year, start.Month), PeriodMath.MonthIndex(end.Year, end.Month));
        var months = Enumerable
            .Range(first, last - first + 1)
            .Select(PeriodMath.FromMonthIndex)
            .Select(m => (m.Year, m.Month, Day: CountingDay(m.Year, m.Month)))
            .ToList();
        var results = await HouseholdTotalsQuery.RunAsync(
            db,
            db.Households,
            [HouseholdDimension.County, HouseholdDimension.Benefit],
            months.Select(m => m.Day),
            threshold,
            cancellationToken
        );
        var counts = new List<HouseholdCount>();
        foreach (var ((year, month, day), result) in months.Zip(results))
        {
            foreach (var cell in result.Groups)
            {
                if (cell.Key.County is not { } countyId || places.OfCounty(countyId) is not { County: { } county } place)
                    continue;
                var benefit = EnumNames<Benefit>.Of((Benefit)cell.Key.Benefit!.Value);
                counts.Add(
                    new HouseholdCount
                    {
                        Key = $"{county.Code}/{benefit}/{year}-{month:D2}",
                        ProvinceCode = place.Province?.Code ?? "",
                        CountyCode = county.Code,
                        Benefit = benefit,
                        SolarYear = year,
                        SolarMonth = month,
                        Date = day,
                        Households = cell.Count is { } c ? checked((int)c) : null,
                        Suppressed = cell.Suppressed,
                    }
                );
            }
        }
        return counts;
    }
}

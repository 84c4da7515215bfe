using GraphQL;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Analytics;

/// <summary>
/// The provincial statement, on the analytics engine: contributions by sector × type (one GROUP BY),
/// households by benefit with the same small-cell suppression as <c>householdTotals</c> (so the two can
/// never be played against each other), and the province's centres.
/// </summary>
public static class ParticipationReportQuery
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, AnalyticsReading reading)
    {
        var period = PeriodResolver.Resolve(context.GetArgument<PeriodInput>("period"), reading.Clock);
        await using var db = reading.Contexts.CreateDbContext();
        var options = reading.Options;
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var report = await RunAsync(
            db,
            context.GetArgument<string>("province"),
            period,
            context.GetArgument("unit", MoneyUnit.Toman),
            context.CancellationToken,
            options.SuppressionThreshold,
            options.UseRollups,
            sources
        );
        OperationFacts.Of(context.UserContext)?.AddSources(sources);
        return report;
    }

    public static async Task<ParticipationReport> RunAsync(
        WelfareDbContext db,
        string provinceCode,
        ResolvedPeriod period,
        MoneyUnit unit,
        CancellationToken cancellationToken,
        int suppressionThreshold = 5,
        bool useRollups = true,
        ISet<string>? sources = null
    )
    {
        var province =
            await db.Provinces.SingleOrDefaultAsync(p => p.Code == provinceCode, cancellationToken)
            ?? throw new ExecutionError($"There is no province with code '{provinceCode}'.") { Code = "UNKNOWN_PROVINCE" };

        var source = new ContributionSource(db, c => c.County.ProvinceId == province.Id, useRollups);
        var contributions = await ContributionTotalsQuery.RunAsync(
            source,
            new ContributionTotalsRequest
            {
                GroupBy = [ContributionDimension.Sector, ContributionDimension.Type],
                Period = period,
                Unit = unit,
            },
            maxGroups: 100,
            cancellationToken
        );
        sources?.UnionWith(source.Used);
        long Rial(Sector sector, ContributionType? type = null) =>
            contributions.Groups.Where(g => g.Sector == sector && (type is null || g.Type == type)).Sum(g => g.Sum);

        // A stock: households covered on the period's last day.
        var households = await HouseholdTotalsQuery.RunAsync(
            db,
            db.Households.Where(h => h.County.ProvinceId == province.Id),
            [HouseholdDimension.Benefit],
            period.To,
            suppressionThreshold,
            cancellationToken
        );
        int Covered(Households.Benefit benefit) => (int)(households.Groups.FirstOrDefault(g => g.Key.Benefit == benefit)?.Count ?? 0);

        // The denominator is every household of the province's counties (public reference data), even where
        // no household is covered yet — a province loaded through reference data reports 0 %, not nothing.
        var allHouseholds = await db
            .Counties.Where(c => c.ProvinceId == province.Id)
            .SumAsync(c => (long)c.TotalHouseholds, cancellationToken);
        var (centers, _) = await CenterTotalsQuery.RunAsync(
            db.Centers.Where(c => c.County.ProvinceId == province.Id),
            [],
            cancellationToken
        );

        var government = new GovernmentTotals(
            unit.FromRial(Rial(Sector.Government, ContributionType.Cash)),
            unit.FromRial(Rial(Sector.Government, ContributionType.InKind)),
            unit.FromRial(Rial(Sector.Government, ContributionType.VolunteerService)),
            unit.FromRial(Rial(Sector.Government))
        );
        return new ParticipationReport(
            province,
            period,
            unit,
            government,
            unit.FromRial(Rial(Sector.Charity)),
            unit.FromRial(contributions.Total.Sum),
            new HouseholdCoverage(
                (int)(households.Total.Count ?? 0),
                (int)allHouseholds,
                Covered(Households.Benefit.Pension),
                Covered(Households.Benefit.OtherServices)
            ),
            (int)centers.Residents
        );
    }
}

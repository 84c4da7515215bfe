using Microsoft.AspNetCore.OData.Routing.Controllers;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Exports.PowerBi;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// The feed's entity sets. Facts and place dimensions are EF queries over a context with the caller's scope,
/// so <c>$filter</c>, <c>$orderby</c>, paging, <c>$count</c> and <c>$apply</c> (groupby, aggregate) become SQL
/// (<see cref="FeedQueryFilter"/>). Household counts come already aggregated — and suppressed — from the
/// analytics engine, a few rows per county and month, and are queried in memory, as are the coded dimensions
/// and the date table.
/// </summary>
public abstract class FeedController : ODataController
{
    protected async Task<WelfareDbContext> ContextAsync(IDbContextFactory<WelfareDbContext> contexts)
    {
        var db = await contexts.CreateDbContextAsync(HttpContext.RequestAborted);
        // The query runs while the response is written, after the action has returned.
        HttpContext.Response.RegisterForDisposeAsync(db);
        return db;
    }
}

public sealed class ContributionsController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<ContributionFact>> Get() => StarSchema.Contributions(await ContextAsync(contexts));
}

/// <summary>
/// The monthly rollup's cells: grouped queries over the monthly grain read a cell per month instead of every contribution.
/// </summary>
public sealed class ContributionsMonthlyController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<MonthlyContributionFact>> Get() => StarSchema.MonthlyContributions(await ContextAsync(contexts));
}

public sealed class HouseholdCountsController(IDbContextFactory<WelfareDbContext> contexts, AnalyticsOptions analytics, TimeProvider clock)
    : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<HouseholdCount>> Get() =>
        (
            await StarSchema.HouseholdCountsAsync(
                await ContextAsync(contexts),
                analytics.SuppressionThreshold,
                clock,
                HttpContext.RequestAborted
            )
        ).AsQueryable();
}

public sealed class DatesController(IDbContextFactory<WelfareDbContext> contexts, TimeProvider clock) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<DateDim>> Get() =>
        (await StarSchema.DatesAsync(await ContextAsync(contexts), clock, HttpContext.RequestAborted)).AsQueryable();
}

public sealed class ProvincesController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<ProvinceDim>> Get() => StarSchema.Provinces(await ContextAsync(contexts));
}

public sealed class CountiesController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<CountyDim>> Get() => StarSchema.Counties(await ContextAsync(contexts));
}

public sealed class CentersController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<CenterDim>> Get() => StarSchema.Centers(await ContextAsync(contexts));
}

public sealed class CharitiesController(IDbContextFactory<WelfareDbContext> contexts) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<CharityDim>> Get() => StarSchema.Charities(await ContextAsync(contexts));
}

/// <summary>A coded dimension: the same rows for every caller, queried in memory.</summary>
public abstract class CodeDimController<TDim>(IReadOnlyList<TDim> rows) : FeedController
{
    [FeedQuery]
    public IQueryable<TDim> Get() => rows.AsQueryable();
}

public sealed class ContributionTypesController() : CodeDimController<ContributionTypeDim>(StarSchema.ContributionTypes);

public sealed class SectorsController() : CodeDimController<SectorDim>(StarSchema.Sectors);

public sealed class IntentsController() : CodeDimController<IntentDim>(StarSchema.Intents);

public sealed class ChannelsController() : CodeDimController<ChannelDim>(StarSchema.Channels);

public sealed class BenefitsController() : CodeDimController<BenefitDim>(StarSchema.Benefits);

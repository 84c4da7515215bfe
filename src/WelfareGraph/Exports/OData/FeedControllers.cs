using Microsoft.AspNetCore.Mvc;
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
    /// <summary>A context with the caller's scope, from the factory the action receives as a parameter.</summary>
    protected async Task<WelfareDbContext> ContextAsync(IDbContextFactory<WelfareDbContext> contexts)
    {
        var db = await contexts.CreateDbContextAsync(HttpContext.RequestAborted);
        // The query runs while the response is written, after the action has returned.
        HttpContext.Response.RegisterForDisposeAsync(db);
        return db;
    }
}

/// <summary>An EF query over a context with the caller's scope, so the feed's query options become SQL.</summary>
public abstract class ScopedFeedController<TRow>(Func<WelfareDbContext, IQueryable<TRow>> query) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<TRow>> Get([FromServices] IDbContextFactory<WelfareDbContext> contexts) =>
        query(await ContextAsync(contexts));
}

public sealed class ContributionsController() : ScopedFeedController<ContributionFact>(StarSchema.Contributions);

/// <summary>
/// The monthly rollup's cells: grouped queries over the monthly grain read a cell per month instead of every contribution.
/// </summary>
public sealed class ContributionsMonthlyController() : ScopedFeedController<MonthlyContributionFact>(StarSchema.MonthlyContributions);

public sealed class HouseholdCountsController(AnalyticsOptions analytics, TimeProvider clock) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<HouseholdCount>> Get([FromServices] IDbContextFactory<WelfareDbContext> contexts) =>
        (
            await StarSchema.HouseholdCountsAsync(
                await ContextAsync(contexts),
                analytics.SuppressionThreshold,
                clock,
                HttpContext.RequestAborted
            )
        ).AsQueryable();
}

public sealed class DatesController(TimeProvider clock) : FeedController
{
    [FeedQuery]
    public async Task<IQueryable<DateDim>> Get([FromServices] IDbContextFactory<WelfareDbContext> contexts) =>
        (await StarSchema.DatesAsync(await ContextAsync(contexts), clock, HttpContext.RequestAborted)).AsQueryable();
}

public sealed class ProvincesController() : ScopedFeedController<ProvinceDim>(StarSchema.Provinces);

public sealed class CountiesController() : ScopedFeedController<CountyDim>(StarSchema.Counties);

public sealed class CentersController() : ScopedFeedController<CenterDim>(StarSchema.Centers);

public sealed class CharitiesController() : ScopedFeedController<CharityDim>(StarSchema.Charities);

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

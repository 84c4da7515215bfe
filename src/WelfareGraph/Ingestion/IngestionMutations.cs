using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>The write API national and provincial systems use. Every mutation checks scope item by item.</summary>
public static class IngestionMutations
{
    public static void AddIngestionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpsertResultGraphType>>("upsertContributions")
            .Description("Idempotent batch upsert keyed by (sourceSystem, externalId).")
            .Argument<NonNullGraphType<BatchInputGraphType<ContributionInputGraphType>>>("input")
            .ResolveAsync(async ctx =>
            {
                var (source, items, atomic, dryRun) = Batch(ctx);
                var records = items.Select(ContributionInputGraphType.ToRecord).ToList();
                await using var db = ctx.CreateDbContext();
                await using var system = ctx.Service<SystemDbContextFactory>().CreateForReferenceLookup();
                return await ctx.Service<ContributionUpserter>().UpsertAsync(db, system, source, records, atomic, dryRun, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UpsertResultGraphType>>("upsertHouseholds")
            .Description("Households keyed by a keyed hash of their national id; the id itself is never stored.")
            .Argument<NonNullGraphType<BatchInputGraphType<HouseholdInputGraphType>>>("input")
            .ResolveAsync(async ctx =>
            {
                var (source, items, atomic, dryRun) = Batch(ctx);
                var records = items.Select(HouseholdInputGraphType.ToRecord).ToList();
                await using var db = ctx.CreateDbContext();
                await using var system = ctx.Service<SystemDbContextFactory>().CreateForReferenceLookup();
                return await ctx.Service<HouseholdUpserter>().UpsertAsync(db, system, source, records, atomic, dryRun, ctx.CancellationToken);
            });

        Reference<CenterInputGraphType, CenterRecord>(mutation, "upsertCenters", "Care centres keyed by code.", ReferenceDataUpserts.CentersAsync);
        Reference<CharityInputGraphType, CharityRecord>(mutation, "upsertCharities", "Licensed charities keyed by code.", ReferenceDataUpserts.CharitiesAsync);
        Reference<CountyInputGraphType, CountyRecord>(mutation, "upsertCounties", "Counties with their all-households counts, keyed by code.", ReferenceDataUpserts.CountiesAsync);
        mutation.Field<NonNullGraphType<UpsertResultGraphType>>("upsertProvinces")
            .Description("Province names (the 31 codes are fixed reference data).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ProvinceInputGraphType>>>>("items")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                return await ReferenceDataUpserts.ProvincesAsync(db, ctx.GetArgument<List<ProvinceRecord>>("items"), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<RetractResultGraphType>>("retractContributions")
            .Description("Marks contributions retracted: kept for audit, excluded from totals and exports. Never a hard delete.")
            .Argument<NonNullGraphType<StringGraphType>>("sourceSystem")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("externalIds")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                return await Retraction.RetractAsync(db, ctx.GetArgument<string>("sourceSystem"), ctx.GetArgument<List<string>>("externalIds"),
                    ctx.GetArgument<string>("reason"), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ClosedPeriodGraphType>>("closePeriod")
            .Description("Closes a province's Solar Hijri month: writes into it are refused with PERIOD_CLOSED.")
            .Argument<NonNullGraphType<StringGraphType>>("province").Argument<NonNullGraphType<IntGraphType>>("year").Argument<NonNullGraphType<IntGraphType>>("month")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                return await PeriodClosing.CloseAsync(db, ctx.GetArgument<string>("province"), ctx.GetArgument<int>("year"), ctx.GetArgument<int>("month"),
                    CallerName(ctx.User), ctx.CancellationToken);
            });
        mutation.Field<NonNullGraphType<BooleanGraphType>>("reopenPeriod")
            .Argument<NonNullGraphType<StringGraphType>>("province").Argument<NonNullGraphType<IntGraphType>>("year").Argument<NonNullGraphType<IntGraphType>>("month")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                return await PeriodClosing.ReopenAsync(db, ctx.GetArgument<string>("province"), ctx.GetArgument<int>("year"), ctx.GetArgument<int>("month"), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<PublishedReportGraphType>>("publishReport")
            .Description("Stores the participation statement of a province and period as published (figures, text, who and when).")
            .Argument<NonNullGraphType<StringGraphType>>("province").Argument<NonNullGraphType<PeriodInputGraphType>>("period")
            .ResolveAsync(async ctx =>
            {
                var period = PeriodResolver.Resolve(ctx.GetArgument<PeriodInput>("period"), ctx.Service<TimeProvider>());
                await using var db = ctx.CreateDbContext();
                return await Publishing.PublishAsync(db, ctx.GetArgument<string>("province"), period, CallerName(ctx.User), ctx.CancellationToken);
            });
    }

    private static void Reference<TInput, TRecord>(ObjectGraphType mutation, string name, string description,
        Func<WelfareDbContext, WelfareDbContext, IReadOnlyList<TRecord>, CancellationToken, Task<UpsertResult>> upsert) where TInput : IGraphType =>
        mutation.Field<NonNullGraphType<UpsertResultGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<TInput>>>>("items")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                await using var system = ctx.Service<SystemDbContextFactory>().CreateForReferenceLookup();
                return await upsert(db, system, ctx.GetArgument<List<TRecord>>("items"), ctx.CancellationToken);
            });

    private static (string Source, List<IDictionary<string, object?>> Items, bool Atomic, bool DryRun) Batch(IResolveFieldContext ctx)
    {
        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        var items = ((IEnumerable<object?>)input["items"]!).Cast<IDictionary<string, object?>>().ToList();
        return ((string)input["sourceSystem"]!, items, input.GetValueOrDefault("atomic") as bool? ?? true, input.GetValueOrDefault("dryRun") as bool? ?? false);
    }

    /// <summary>Who did it, for closed periods and published reports: the token's name or object id.</summary>
    internal static string CallerName(ClaimsPrincipal? user) =>
        user?.FindFirst("preferred_username")?.Value ?? user?.FindFirst("name")?.Value ?? user?.Identity?.Name
        ?? user?.FindFirst("oid")?.Value ?? user?.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? "unknown";
}

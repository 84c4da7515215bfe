using System.Security.Claims;
using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
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
        Sent<ContributionInputGraphType, ContributionRecord, Contributions.Contribution>(
            mutation,
            "upsertContributions",
            "Idempotent batch upsert keyed by (sourceSystem, externalId).",
            ContributionInputGraphType.ToRecord
        );
        Sent<HouseholdInputGraphType, HouseholdRecord, Households.Household>(
            mutation,
            "upsertHouseholds",
            "Households keyed by a keyed hash of their national id; the id itself is never stored.",
            HouseholdInputGraphType.ToRecord
        );

        Reference<CenterRecord, Centers.Center>(mutation, "upsertCenters", "Care centres keyed by code.");
        Reference<CharityRecord, Charities.Charity>(mutation, "upsertCharities", "Licensed charities keyed by code.");
        Reference<CountyRecord, Geography.County>(mutation, "upsertCounties", "Counties with their all-households counts, keyed by code.");
        Reference<ProvinceRecord, Geography.Province>(
            mutation,
            "upsertProvinces",
            "Province names (the 31 codes are fixed reference data)."
        );

        mutation
            .Field<NonNullGraphType<ResultGraphType<RetractResult>>>("retractContributions")
            .Description("Marks contributions retracted: kept for audit, excluded from totals and exports. Never a hard delete.")
            .Argument<NonNullGraphType<StringGraphType>>("sourceSystem")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("externalIds")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Writes(
                async (ctx, writing, db) =>
                    await writing.Retraction.RetractAsync(
                        db,
                        ctx.GetArgument<string>("sourceSystem"),
                        ctx.GetArgument<List<string>>("externalIds"),
                        ctx.GetArgument<string>("reason"),
                        ctx.CancellationToken
                    )
            );

        MonthChange<NonNullGraphType<ClosedPeriodGraphType>, ClosedPeriod>(
                mutation,
                "closePeriod",
                (db, writing, month, ctx) =>
                    PeriodClosing.CloseAsync(
                        db,
                        writing.Versions,
                        month.Province,
                        month.Year,
                        month.Month,
                        CallerName(ctx.User),
                        ctx.CancellationToken
                    )
            )
            .Description("Closes a province's Solar Hijri month: writes into it are refused with PERIOD_CLOSED.");
        MonthChange<NonNullGraphType<BooleanGraphType>, bool>(
            mutation,
            "reopenPeriod",
            (db, writing, month, ctx) =>
                PeriodClosing.ReopenAsync(db, writing.Versions, month.Province, month.Year, month.Month, ctx.CancellationToken)
        );

        mutation
            .Field<NonNullGraphType<PublishedReportGraphType>>("publishReport")
            .Description("Stores the participation statement of a province and period as published (figures, text, who and when).")
            .Argument<NonNullGraphType<StringGraphType>>("province")
            .Argument<NonNullGraphType<PeriodInputGraphType>>("period")
            .Writes(
                async (ctx, writing, db) =>
                    await Publishing.PublishAsync(
                        db,
                        writing.Versions,
                        ctx.GetArgument<string>("province"),
                        PeriodResolver.Resolve(ctx.GetArgument<PeriodInput>("period"), writing.Clock),
                        CallerName(ctx.User),
                        ctx.CancellationToken
                    )
            );
    }

    /// <summary>
    /// A change to one province's Solar Hijri month (its arguments <c>province</c>, <c>year</c> and <c>month</c>),
    /// made on a context of the caller's.
    /// </summary>
    private static FieldBuilder<object?, object> MonthChange<TGraphType, TResult>(
        ObjectGraphType mutation,
        string name,
        Func<WelfareDbContext, IngestionWriting, (string Province, int Year, int Month), IResolveFieldContext, Task<TResult>> change
    )
        where TGraphType : IGraphType =>
        mutation
            .Field<TGraphType>(name)
            .Argument<NonNullGraphType<StringGraphType>>("province")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("month")
            .Writes(
                async (ctx, writing, db) =>
                    await change(
                        db,
                        writing,
                        (ctx.GetArgument<string>("province"), ctx.GetArgument<int>("year"), ctx.GetArgument<int>("month")),
                        ctx
                    )
            );

    /// <summary>Resolves a mutation with the write API's services, on a context of the caller's made for it.</summary>
    private static FieldBuilder<object?, object> Writes(
        this FieldBuilder<object?, object> field,
        Func<IResolveFieldContext<object?>, IngestionWriting, WelfareDbContext, Task<object?>> write
    ) => field.ResolveOnOwnContext(write);

    /// <summary>
    /// An upsert of records a system sends (with its name, and atomic and dry-run flags): its batch input type and its mapping.
    /// </summary>
    private static void Sent<TInput, TRecord, TEntity>(
        ObjectGraphType mutation,
        string name,
        string description,
        Func<IDictionary<string, object?>, TRecord> toRecord
    )
        where TInput : IInputObjectGraphType
        where TEntity : class =>
        mutation
            .Field<NonNullGraphType<ResultGraphType<UpsertResult>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<BatchInputGraphType<TInput>>>("input")
            .Resolve()
            .WithServices<IngestionWriting, IBatchMapping<TRecord, TEntity>>()
            .ResolveAsync(async (ctx, writing, mapping) => await UpsertAsync(ctx, writing, mapping, Batch(ctx, toRecord)));

    /// <summary>
    /// A reference kind's upsert: its items typed by the record (<c>[CenterInput!]!</c> from <see cref="CenterRecord"/>).
    /// </summary>
    private static void Reference<TRecord, TEntity>(ObjectGraphType mutation, string name, string description)
        where TEntity : class =>
        mutation
            .Field<NonNullGraphType<ResultGraphType<UpsertResult>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringInputObjectGraphType<TRecord>>>>>("items")
            .Resolve()
            .WithServices<IngestionWriting, IBatchMapping<TRecord, TEntity>>()
            .ResolveAsync(async (ctx, writing, mapping) => await UpsertAsync(ctx, writing, mapping, ReferenceBatch<TRecord>(ctx)));

    private static async Task<UpsertResult> UpsertAsync<TRecord, TEntity>(
        IResolveFieldContext ctx,
        IngestionWriting writing,
        IBatchMapping<TRecord, TEntity> mapping,
        UpsertBatch<TRecord> batch
    )
        where TEntity : class
    {
        await using var db = writing.Contexts.CreateDbContext();
        await using var system = writing.System.CreateForReferenceLookup();
        return await writing.Writer.UpsertAsync(mapping, db, system, batch, ctx.CancellationToken);
    }

    private static UpsertBatch<TRecord> Batch<TRecord>(IResolveFieldContext ctx, Func<IDictionary<string, object?>, TRecord> toRecord)
    {
        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        var items = ((IEnumerable<object?>)input["items"]!).Cast<IDictionary<string, object?>>().Select(toRecord).ToList();
        return new UpsertBatch<TRecord>(
            (string)input["sourceSystem"]!,
            items,
            input.GetValueOrDefault("atomic") as bool? ?? true,
            input.GetValueOrDefault("dryRun") as bool? ?? false
        );
    }

    /// <summary>Reference data has no sending system of its own, and its mutations take no atomic or dry-run flags.</summary>
    private static UpsertBatch<TRecord> ReferenceBatch<TRecord>(IResolveFieldContext ctx) =>
        new(ReferenceSource.Name, ctx.GetArgument<List<TRecord>>("items"));

    /// <summary>Who did it, for closed periods and published reports: the token's name or object id.</summary>
    internal static string CallerName(ClaimsPrincipal? user) =>
        user?.FindFirst("preferred_username")?.Value
        ?? user?.FindFirst("name")?.Value
        ?? user?.Identity?.Name
        ?? user?.FindFirst("oid")?.Value
        ?? user?.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value
        ?? "unknown";
}

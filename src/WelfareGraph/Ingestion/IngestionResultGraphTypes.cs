using GraphQL.Types;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

public sealed class UpsertResultGraphType : ObjectGraphType<UpsertResult>
{
    public UpsertResultGraphType()
    {
        Name = "UpsertResult";
        Field(r => r.Inserted);
        Field(r => r.Updated);
        Field(r => r.Unchanged).Description("Items that matched their stored record exactly (a resend).");
        Field(r => r.Written).Description("Whether anything was written.");
        Field(r => r.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestionErrorGraphType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class IngestionErrorGraphType : ObjectGraphType<IngestionError>
{
    public IngestionErrorGraphType()
    {
        Name = "IngestionError";
        Field(e => e.Index).Description("Position of the item in the batch; -1 for the batch as a whole.");
        Field(e => e.ExternalId, nullable: true);
        Field(e => e.Field, nullable: true);
        Field(e => e.Code).Description("A stable code: INVALID_DATE, UNKNOWN_COUNTY, OUT_OF_SCOPE, NON_POSITIVE_AMOUNT, ...");
        Field(e => e.Message);
    }
}

public sealed class RetractResultGraphType : ObjectGraphType<RetractResult>
{
    public RetractResultGraphType()
    {
        Name = "RetractResult";
        Field(r => r.Retracted);
        Field(r => r.AlreadyRetracted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestionErrorGraphType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class ClosedPeriodGraphType : ObjectGraphType<ClosedPeriod>
{
    public ClosedPeriodGraphType()
    {
        Name = "ClosedPeriod";
        Field(p => p.Year);
        Field(p => p.Month);
        Field<NonNullGraphType<DateTimeGraphType>>("closedAt").Resolve(ctx => ctx.Source.ClosedAt);
        Field(p => p.ClosedBy);
    }
}

public sealed class ChangeKindGraphType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindGraphType() => Name = "ChangeKind";
}

/// <summary>One change from the feed, with the record as it is now.</summary>
public sealed record Change<T>(FeedEntry Entry, T? Record);

public sealed class ChangeGraphType<T, TGraphType> : ObjectGraphType<Change<T>> where TGraphType : IGraphType
{
    public ChangeGraphType()
    {
        var node = ConnectionGraphType<T, TGraphType>.NodeName<TGraphType>();
        Name = node + "Change";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position in commit order; pass the last one seen as `after`.")
            .Resolve(ctx => ctx.Source.Entry.Sequence);
        Field<NonNullGraphType<ChangeKindGraphType>>("kind").Resolve(ctx => ctx.Source.Entry.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("committedAt").Resolve(ctx => ctx.Source.Entry.CommittedAt);
        Field<NonNullGraphType<StringGraphType>>("sourceSystem").Resolve(ctx => ctx.Source.Entry.SourceSystem);
        Field<NonNullGraphType<StringGraphType>>("key").Description("externalId for contributions, the pseudonym for households, the code for centres.")
            .Resolve(ctx => ctx.Source.Entry.Key);
        Field<TGraphType>(char.ToLowerInvariant(node[0]) + node[1..]).Description("The record as it is now (retracted ones included).")
            .Resolve(ctx => ctx.Source.Record);
    }
}

public sealed record ChangePage<T>(IReadOnlyList<Change<T>> Nodes, bool HasNextPage, string? EndCursor);

public sealed class ChangePageGraphType<T, TGraphType> : ObjectGraphType<ChangePage<T>> where TGraphType : IGraphType
{
    public ChangePageGraphType()
    {
        Name = ConnectionGraphType<T, TGraphType>.NodeName<TGraphType>() + "ChangePage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeGraphType<T, TGraphType>>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field(p => p.HasNextPage);
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` to continue; null when the page is empty (keep your cursor).");
    }
}

public sealed class PublishedReportGraphType : ObjectGraphType<PublishedReport>
{
    public PublishedReportGraphType()
    {
        Name = "PublishedReport";
        Description = "A participation statement as published, and how today's figures differ from it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field(r => r.PeriodLabel);
        Field<NonNullGraphType<DateScalar>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<DateTimeGraphType>>("publishedAt").Resolve(ctx => ctx.Source.PublishedAt);
        Field(r => r.PublishedBy);
        Field(r => r.StatementFa);
        Field(r => r.StatementEn);
        Field<NonNullGraphType<ReportFiguresGraphType>>("figures").Description("As published, in rial.").Resolve(ctx => Publishing.Figures(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionGraphType>>>>("corrections")
            .Description("Figures that differ today from the published ones (late or corrected records).")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.CreateDbContext();
                return (await Publishing.CompareAsync(db, ctx.Source, ctx.CancellationToken)).Corrections;
            });
    }
}

public sealed class ReportFiguresGraphType : ObjectGraphType<PublishedFigures>
{
    public ReportFiguresGraphType()
    {
        Name = "ReportFigures";
        Field<NonNullGraphType<LongGraphType>>("cash").Resolve(ctx => ctx.Source.Cash);
        Field<NonNullGraphType<LongGraphType>>("inKind").Resolve(ctx => ctx.Source.InKind);
        Field<NonNullGraphType<LongGraphType>>("volunteerServices").Resolve(ctx => ctx.Source.VolunteerServices);
        Field<NonNullGraphType<LongGraphType>>("charities").Resolve(ctx => ctx.Source.Charities);
        Field<NonNullGraphType<LongGraphType>>("total").Resolve(ctx => ctx.Source.Total);
        Field(f => f.Covered);
        Field(f => f.AllHouseholds);
        Field(f => f.Pensioners);
        Field(f => f.OtherServices);
        Field(f => f.CenterResidents);
    }
}

public sealed class CorrectionGraphType : ObjectGraphType<Correction>
{
    public CorrectionGraphType()
    {
        Name = "Correction";
        Field(c => c.Figure);
        Field<NonNullGraphType<LongGraphType>>("published").Resolve(ctx => ctx.Source.Published);
        Field<NonNullGraphType<LongGraphType>>("current").Resolve(ctx => ctx.Source.Current);
        Field<NonNullGraphType<LongGraphType>>("difference").Resolve(ctx => ctx.Source.Difference);
    }
}

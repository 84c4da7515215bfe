using GraphQL.MicrosoftDI;
using GraphQL.Types;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Reports;
using WelfareGraph.Schema;

namespace WelfareGraph.Ingestion;

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
        Field<NonNullGraphType<ReportFiguresGraphType>>("figures")
            .Description("As published, in rial.")
            .Resolve(ctx => Publishing.Figures(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResultGraphType<Correction>>>>>("corrections")
            .Description("Figures that differ today from the published ones (late or corrected records).")
            .ResolveOnOwnContext(
                async (ctx, db) =>
                {
                    return (await Publishing.CompareAsync(db, ctx.Source, ctx.CancellationToken)).Corrections;
                }
            );
    }
}

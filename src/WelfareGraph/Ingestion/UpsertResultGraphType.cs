using GraphQL.Types;

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

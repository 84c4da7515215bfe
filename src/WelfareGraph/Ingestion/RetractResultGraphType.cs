using GraphQL.Types;

namespace WelfareGraph.Ingestion;

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

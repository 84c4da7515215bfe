using GraphQL.Types;

namespace WelfareGraph.Ingestion;

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

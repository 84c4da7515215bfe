using GraphQL.Types;
using WelfareGraph.Periods;

namespace WelfareGraph.Ingestion;

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

using GraphQL.Types;
using WelfareGraph.Geography;

namespace WelfareGraph.Centers;

public sealed class CenterGraphType : ObjectGraphType<Center>
{
    public CenterGraphType()
    {
        Name = "Center";
        Description = "A care centre (مرکز نگهداری), such as an infant house or an elderly care centre.";
        this.AddCodeAndNames();
        Field<NonNullGraphType<EnumerationGraphType<CenterKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<CenterOwnership>>>("ownership").Resolve(ctx => ctx.Source.Ownership);
        Field(c => c.Capacity).Description("Places.");
        Field(c => c.Residents).Description("People living in the centre now.");
        this.AddCounty();
    }
}

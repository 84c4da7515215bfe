using GraphQL.Types;
using WelfareGraph.Geography;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Households;

public sealed class HouseholdGraphType : ObjectGraphType<Household>
{
    public HouseholdGraphType()
    {
        Name = "Household";
        Description = "A covered household. Pseudonymous: no names or national ids exist in this system.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("A keyed hash of the national system's id.")
            .Resolve(ctx => ctx.Source.Pseudonym)
            .MapsTo(nameof(Household.Pseudonym));
        Field<NonNullGraphType<CountyGraphType>>("county").Resolve(ctx => ctx.Source.County);
        Field<NonNullGraphType<EnumerationGraphType<Benefit>>>("benefit").Resolve(ctx => ctx.Source.Benefit);
        Field<NonNullGraphType<DateScalar>>("coveredSince").Resolve(ctx => ctx.Source.CoveredSince);
        Field<DateScalar>("coveredUntil").Description("Last day of coverage; null while covered.").Resolve(ctx => ctx.Source.CoveredUntil);
        Field<EnumerationGraphType<ExitReason>>("exitReason").Resolve(ctx => ctx.Source.ExitReason);
        Field(h => h.Members).Description("People in the household.");
    }
}

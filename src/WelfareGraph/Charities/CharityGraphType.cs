using GraphQL.Types;
using WelfareGraph.Geography;

namespace WelfareGraph.Charities;

public sealed class CharityGraphType : ObjectGraphType<Charity>
{
    public CharityGraphType()
    {
        Name = "Charity";
        Description = "A charity institution licensed by the welfare organisation.";
        Field(c => c.Code);
        Field(c => c.Name).Description("Name, in Persian.");
        Field(c => c.NameEn, nullable: true).Description("Name, in English.");
        Field(c => c.LicenceNo).Description("The licence number issued by the welfare organisation.");
        Field<NonNullGraphType<CountyGraphType>>("county").Resolve(ctx => ctx.Source.County);
    }
}

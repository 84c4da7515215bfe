using GraphQL.Types;
using WelfareGraph.Geography;

namespace WelfareGraph.Charities;

public sealed class CharityGraphType : ObjectGraphType<Charity>
{
    public CharityGraphType()
    {
        Name = "Charity";
        Description = "A charity institution licensed by the welfare organisation.";
        this.AddCodeAndNames();
        Field(c => c.LicenceNo).Description("The licence number issued by the welfare organisation.");
        this.AddCounty();
    }
}

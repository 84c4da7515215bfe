using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class CountyInputGraphType : InputObjectGraphType<CountyRecord>
{
    public CountyInputGraphType()
    {
        Name = "CountyInput";
        Field(c => c.Code).Description("Province code and county number, e.g. IR-23-04.");
        Field(c => c.NameFa);
        Field(c => c.NameEn);
        Field(c => c.ProvinceCode);
        Field(c => c.TotalHouseholds).Description("All households in the county, for coverage rates.");
    }
}

using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class ProvinceInputGraphType : InputObjectGraphType<ProvinceRecord>
{
    public ProvinceInputGraphType()
    {
        Name = "ProvinceInput";
        Field(p => p.Code);
        Field(p => p.NameFa);
        Field(p => p.NameEn);
    }
}

using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class CharityInputGraphType : InputObjectGraphType<CharityRecord>
{
    public CharityInputGraphType()
    {
        Name = "CharityInput";
        Field(c => c.Code);
        Field(c => c.Name);
        Field(c => c.NameEn, nullable: true);
        Field(c => c.CountyCode);
        Field(c => c.LicenceNo);
    }
}

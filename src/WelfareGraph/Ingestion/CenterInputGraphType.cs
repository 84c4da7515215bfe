using GraphQL.Types;
using WelfareGraph.Centers;

namespace WelfareGraph.Ingestion;

public sealed class CenterInputGraphType : InputObjectGraphType<CenterRecord>
{
    public CenterInputGraphType()
    {
        Name = "CenterInput";
        Field(c => c.Code);
        Field(c => c.Name);
        Field(c => c.NameEn, nullable: true);
        Field(c => c.CountyCode);
        Field<NonNullGraphType<EnumerationGraphType<CenterKind>>>("kind");
        Field<NonNullGraphType<EnumerationGraphType<CenterOwnership>>>("ownership");
        Field(c => c.Capacity);
        Field(c => c.Residents);
    }
}

using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class IngestionErrorGraphType : ObjectGraphType<IngestionError>
{
    public IngestionErrorGraphType()
    {
        Name = "IngestionError";
        Field(e => e.Index).Description("Position of the item in the batch; -1 for the batch as a whole.");
        Field(e => e.ExternalId, nullable: true);
        Field(e => e.Field, nullable: true);
        Field(e => e.Code).Description("A stable code: INVALID_DATE, UNKNOWN_COUNTY, OUT_OF_SCOPE, NON_POSITIVE_AMOUNT, ...");
        Field(e => e.Message);
    }
}

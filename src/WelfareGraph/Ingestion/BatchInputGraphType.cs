using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class BatchInputGraphType<TItem> : InputObjectGraphType
    where TItem : IInputObjectGraphType
{
    public BatchInputGraphType()
    {
        Name = "Upsert" + typeof(TItem).Name.Replace("InputGraphType", "") + "sInput";
        Field<NonNullGraphType<StringGraphType>>("sourceSystem")
            .Description("The sending system; with each item's key it identifies a record.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TItem>>>>("items");
        Field<BooleanGraphType>("atomic")
            .DefaultValue(true)
            .Description("true: all or nothing; false: write the valid items, report the rest.");
        Field<BooleanGraphType>("dryRun").DefaultValue(false).Description("Validate and count without writing.");
    }
}

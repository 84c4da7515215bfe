using GraphQL.Types;
using WelfareGraph.Querying;

namespace WelfareGraph.Labels;

public sealed class EnumLabelGraphType : ObjectGraphType<EnumLabel>
{
    public EnumLabelGraphType()
    {
        Name = "EnumLabel";
        Description = "What a person reads for one enum value, so dashboards show labels without writing them down.";
        Field<NonNullGraphType<StringGraphType>>("enum")
            .Description("The enum's GraphQL name, e.g. ContributionType.")
            .Resolve(ctx => ctx.Source.Value.GetType().Name);
        Field<NonNullGraphType<StringGraphType>>("value")
            .Description("The value as the API writes it, e.g. IN_KIND.")
            .Resolve(ctx => EnumNames.Code(ctx.Source.Value));
        Field<NonNullGraphType<StringGraphType>>("label")
            .Description("The label in the language asked for, e.g. «کمک غیرنقدی» or In kind.")
            .Resolve(ctx => ctx.Source.Label);
    }
}

using GraphQL;
using GraphQL.Types;

namespace WelfareGraph.Labels;

/// <summary>The labels' root field: every labelled enum value with its label in the language asked for.</summary>
public static class LabelFields
{
    public static void AddLabelFields(this ObjectGraphType query)
    {
        query
            .Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumLabelGraphType>>>>("enumLabels")
            .Description("The Persian or English label of every value of every enum a person reads (type, sector, intent, channel, …).")
            .Argument<LanguageGraphType>("lang", a => a.DefaultValue = Language.Fa)
            .Resolve(Resolve);
    }

    private static object Resolve(IResolveFieldContext ctx) => EnumLabels.All(ctx.GetArgument("lang", Language.Fa)).ToList();
}

using GraphQL;
using GraphQLParser.AST;

namespace WelfareGraph.Querying;

public static class Selections
{
    /// <summary>The fields of a selection set, looking through inline fragments and fragment spreads.</summary>
    public static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var field in Fields(context, inline.SelectionSet))
                        yield return field;
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = context
                        .Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value);
                    if (fragment is not null)
                        foreach (var field in Fields(context, fragment.SelectionSet))
                            yield return field;
                    break;
            }
        }
    }

    /// <summary>Whether the current field's selection asks for any of <paramref name="names"/>.</summary>
    public static bool Selects(IResolveFieldContext context, params string[] names) =>
        context.FieldAst.SelectionSet is { } set && Fields(context, set).Any(f => names.Contains(f.Name.StringValue));
}

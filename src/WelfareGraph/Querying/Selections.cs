using GraphQL;
using GraphQLParser.AST;

namespace WelfareGraph.Querying;

public static class Selections
{
    /// <summary>The fields of a selection set, looking through inline fragments and fragment spreads.</summary>
    public static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet selectionSet) =>
        Fields(context.Document, selectionSet);

    /// <summary>The same, for a selection set of <paramref name="document"/> outside a resolver (an export reading a result).</summary>
    public static IEnumerable<GraphQLField> Fields(GraphQLDocument document, GraphQLSelectionSet selectionSet) =>
        Fields(document, selectionSet, []);

    // A fragment is looked through once per selection set: a second spread of it adds no field, and a cycle cannot loop.
    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document, GraphQLSelectionSet selectionSet, HashSet<string> seen)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var field in Fields(document, inline.SelectionSet, seen))
                        yield return field;
                    break;
                case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue):
                    var fragment = document
                        .Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (fragment is not null)
                        foreach (var field in Fields(document, fragment.SelectionSet, seen))
                            yield return field;
                    break;
            }
        }
    }

    /// <summary>Whether the current field's selection asks for any of <paramref name="names"/>.</summary>
    public static bool Selects(IResolveFieldContext context, params string[] names) =>
        context.FieldAst.SelectionSet is { } set && Fields(context, set).Any(f => names.Contains(f.Name.StringValue));
}

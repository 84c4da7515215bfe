using GraphQL;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WelfareGraph.Querying;

/// <summary>
/// Loads the related objects a query selects in the same SQL (EF Include), found by matching selected
/// field names with the entity's navigations — so a page of contributions with their county and province
/// is one command, not one per row.
/// </summary>
public static class SelectionIncludes
{
    public static IQueryable<T> IncludeSelected<T>(this IQueryable<T> query, IResolveFieldContext context, IModel model, bool isConnection)
        where T : class
    {
        var entityType = model.FindEntityType(typeof(T));
        if (entityType is null || context.FieldAst.SelectionSet is null) return query;

        var selections = isConnection
            ? NodeSelections(context, context.FieldAst.SelectionSet)
            : [context.FieldAst.SelectionSet];
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var selection in selections) Collect(context, selection, entityType, "", paths, depth: 0);
        // An include of "County.Province" covers "County": keep only the longest paths.
        foreach (var path in paths.Where(p => !paths.Any(other => other.StartsWith(p + ".", StringComparison.Ordinal))))
            query = query.Include(path);
        return query;
    }

    private static IEnumerable<GraphQLSelectionSet> NodeSelections(IResolveFieldContext context, GraphQLSelectionSet connection)
    {
        foreach (var field in Fields(context, connection))
        {
            if (field.Name.Value == "nodes" && field.SelectionSet is not null) yield return field.SelectionSet;
            if (field.Name.Value == "edges" && field.SelectionSet is not null)
                foreach (var edgeField in Fields(context, field.SelectionSet))
                    if (edgeField.Name.Value == "node" && edgeField.SelectionSet is not null) yield return edgeField.SelectionSet;
        }
    }

    private static void Collect(IResolveFieldContext context, GraphQLSelectionSet selection, IEntityType entityType, string prefix,
        ISet<string> paths, int depth)
    {
        if (depth > 4) return;
        foreach (var field in Fields(context, selection))
        {
            if (field.SelectionSet is null) continue;
            var navigation = entityType.GetNavigations()
                .FirstOrDefault(n => string.Equals(n.Name, field.Name.StringValue, StringComparison.OrdinalIgnoreCase));
            if (navigation is null) continue;
            var path = prefix + navigation.Name;
            paths.Add(path);
            Collect(context, field.SelectionSet, navigation.TargetEntityType, path + ".", paths, depth + 1);
        }
    }

    /// <summary>The fields of a selection set, looking through inline fragments and fragment spreads.</summary>
    private static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var field in Fields(context, inline.SelectionSet)) yield return field;
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value);
                    if (fragment is not null)
                        foreach (var field in Fields(context, fragment.SelectionSet)) yield return field;
                    break;
            }
        }
    }
}

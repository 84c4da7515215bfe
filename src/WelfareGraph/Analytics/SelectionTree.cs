using GraphQL;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore.Metadata;
using WelfareGraph.Querying;

namespace WelfareGraph.Analytics;

/// <summary>
/// The field paths a query selects under an analytics field (<c>groups.key.county</c>, <c>total.min</c>),
/// through fragments, so the engine computes only what is asked for and looks up only the key objects shown.
/// </summary>
public sealed class SelectionTree
{
    private const int MaxDepth = 8;
    private readonly Dictionary<string, List<GraphQLSelectionSet>> _paths = [];

    private SelectionTree() { }

    public static SelectionTree Of(IResolveFieldContext context)
    {
        var tree = new SelectionTree();
        if (context.FieldAst.SelectionSet is { } root)
            tree.Walk(context, root, "", 0);
        return tree;
    }

    public bool Has(string path) => _paths.ContainsKey(path);

    /// <summary>EF include paths for the navigations selected under <paramref name="path"/> (e.g. a county's province).</summary>
    public IEnumerable<string> Includes(string path, IEntityType entityType)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        void Collect(string at, IEntityType type, string prefix, int depth)
        {
            if (depth > 3)
                return;
            foreach (var navigation in type.GetNavigations())
            {
                var child = $"{at}.{char.ToLowerInvariant(navigation.Name[0])}{navigation.Name[1..]}";
                if (!_paths.ContainsKey(child))
                    continue;
                paths.Add(prefix + navigation.Name);
                Collect(child, navigation.TargetEntityType, prefix + navigation.Name + ".", depth + 1);
            }
        }
        Collect(path, entityType, "", 0);
        return paths.Where(p => !paths.Any(other => other.StartsWith(p + ".", StringComparison.Ordinal)));
    }

    private void Walk(IResolveFieldContext context, GraphQLSelectionSet set, string prefix, int depth)
    {
        if (depth > MaxDepth)
            return;
        foreach (var field in Selections.Fields(context, set))
        {
            var path = prefix + field.Name.StringValue;
            if (!_paths.TryGetValue(path, out var sets))
                _paths[path] = sets = [];
            if (field.SelectionSet is null)
                continue;
            sets.Add(field.SelectionSet);
            Walk(context, field.SelectionSet, path + ".", depth + 1);
        }
    }
}

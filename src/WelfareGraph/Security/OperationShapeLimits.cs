using GraphQL.Validation;
using GraphQLParser.AST;

namespace WelfareGraph.Security;

/// <summary>
/// Limits the number of aliases and of root fields of the executed operation — fragments counted each time
/// they are spread — because aliases let one small document ask for the same expensive field many times;
/// and the nesting of introspection lists (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c>), whose output grows with the schema's size to that power (graphql-js's rule: 3).
/// (Depth and list-aware cost are GraphQL.NET's complexity analyzer, configured from the same limits.)
/// </summary>
public sealed class OperationShapeLimits(GraphQLLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is not { } operation) return default;
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        var aliasesPerFragment = new Dictionary<string, long>();

        var rootFields = RootFields(operation.SelectionSet, fragments, []);
        if (rootFields > limits.MaxRootFields)
            context.ReportError(new LimitError(context, operation, "TOO_MANY_ROOT_FIELDS",
                $"The operation selects {rootFields} root fields; at most {limits.MaxRootFields} are allowed."));
        var aliases = Aliases(operation.SelectionSet, fragments, aliasesPerFragment, []);
        if (aliases > limits.MaxAliases)
            context.ReportError(new LimitError(context, operation, "TOO_MANY_ALIASES",
                $"The operation uses {aliases} aliases; at most {limits.MaxAliases} are allowed."));
        if (IntrospectionNesting(operation.SelectionSet, fragments, []) > MaxIntrospectionNesting)
            context.ReportError(new LimitError(context, operation, "INTROSPECTION_TOO_DEEP",
                $"Introspection lists (fields, inputFields, interfaces, possibleTypes) are nested more than {MaxIntrospectionNesting} deep."));
        return default;
    }

    private const int MaxIntrospectionNesting = 3;
    private static readonly HashSet<string> IntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    /// <summary>The most introspection lists on one path below <c>__schema</c>/<c>__type</c>.</summary>
    private static int IntrospectionNesting(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting,
        bool inIntrospection = false)
    {
        if (set is null) return 0;
        var deepest = 0;
        foreach (var selection in set.Selections)
        {
            var depth = selection switch
            {
                GraphQLField field => IntrospectionField(field, fragments, visiting, inIntrospection),
                GraphQLInlineFragment inline => IntrospectionNesting(inline.SelectionSet, fragments, visiting, inIntrospection),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var f) && visiting.Add(f.FragmentName.Name.StringValue)
                    => (int)Release(IntrospectionNesting(f.SelectionSet, fragments, visiting, inIntrospection), visiting, f),
                _ => 0,
            };
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static int IntrospectionField(GraphQLField field, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting, bool inIntrospection)
    {
        var name = field.Name.StringValue;
        var inside = inIntrospection || name is "__schema" or "__type";
        var own = inside && IntrospectionLists.Contains(name) ? 1 : 0;
        return own + IntrospectionNesting(field.SelectionSet, fragments, visiting, inside);
    }

    private static long RootFields(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting)
    {
        long count = 0;
        foreach (var selection in set.Selections)
            count += selection switch
            {
                GraphQLField => 1,
                GraphQLInlineFragment inline => RootFields(inline.SelectionSet, fragments, visiting),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var f) && visiting.Add(f.FragmentName.Name.StringValue)
                    => Release(RootFields(f.SelectionSet, fragments, visiting), visiting, f),
                _ => 0,
            };
        return count;
    }

    /// <summary>Aliases under a selection set; each fragment is counted once and multiplied by its uses (no blow-up).</summary>
    private static long Aliases(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        Dictionary<string, long> perFragment, HashSet<string> visiting)
    {
        if (set is null) return 0;
        long count = 0;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    count += (field.Alias is null ? 0 : 1) + Aliases(field.SelectionSet, fragments, perFragment, visiting);
                    break;
                case GraphQLInlineFragment inline:
                    count += Aliases(inline.SelectionSet, fragments, perFragment, visiting);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!perFragment.TryGetValue(name, out var inFragment))
                    {
                        // A cycle is reported by the spec's own rule; here it just counts nothing.
                        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name)) break;
                        inFragment = Aliases(fragment.SelectionSet, fragments, perFragment, visiting);
                        visiting.Remove(name);
                        perFragment[name] = inFragment;
                    }
                    count += inFragment;
                    break;
            }
        }
        return count;
    }

    private static long Release(long count, HashSet<string> visiting, GraphQLFragmentDefinition fragment)
    {
        visiting.Remove(fragment.FragmentName.Name.StringValue);
        return count;
    }

    private sealed class LimitError : ValidationError
    {
        public LimitError(ValidationContext context, ASTNode node, string code, string message)
            : base(context.Document.Source, null, message, node) => Code = code;
    }
}

using System.Collections;
using GraphQL;
using GraphQLParser.AST;

namespace WelfareGraph.Querying.Sorting;

/// <summary>
/// The <c>order</c> argument with each sort object's keys in the order the client wrote them. HotChocolate applies
/// <c>{ amountRial: DESC, date: ASC }</c> key by key as written, but GraphQL.NET coerces input objects field by
/// field in schema order, so the written order is read back from the document (or, for a variable, from the
/// request's raw variables, which keep the JSON's member order) and the coerced values are reordered to match.
/// </summary>
public static class WrittenSortOrder
{
    public static IReadOnlyList<object?>? Read(IResolveFieldContext context, string argument = "order")
    {
        if (context.GetArgument<object?>(argument) is not IEnumerable<object?> coerced)
            return null;
        var items = coerced.ToList();
        var written = Written(context.FieldAst.Arguments?.ValueFor(argument), context);
        // A single object where a list is expected is a list of one (input coercion).
        var writtenItems = written is IList list && written is not IDictionary ? list.Cast<object?>().ToList() : [written];
        return items
            .Select(
                (item, i) =>
                    item is IDictionary<string, object?> fields
                        ? Reorder(fields, i < writtenItems.Count ? writtenItems[i] : null, context)
                        : item
            )
            .ToList();
    }

    /// <summary>The written value: the AST, with variables replaced by their raw request values.</summary>
    private static object? Written(object? node, IResolveFieldContext context) =>
        node switch
        {
            GraphQLVariable variable => context.ExecutionContext.ExecutionOptions.Variables is { } raw
            && raw.TryGetValue(variable.Name.StringValue, out var value)
                ? value
                : null,
            GraphQLListValue list => (list.Values ?? []).Cast<object?>().ToList(),
            _ => node,
        };

    private static IEnumerable<(string Name, object? Value)> Keys(object? written, IResolveFieldContext context) =>
        written switch
        {
            GraphQLObjectValue obj => (obj.Fields ?? []).Select(f => (f.Name.StringValue, Written(f.Value, context))),
            IDictionary<string, object?> raw => raw.Select(p => (p.Key, p.Value)),
            GraphQLVariable => Keys(Written(written, context), context),
            _ => [],
        };

    private static Dictionary<string, object?> Reorder(IDictionary<string, object?> coerced, object? written, IResolveFieldContext context)
    {
        var ordered = new Dictionary<string, object?>(coerced.Count);
        foreach (var (name, value) in Keys(written, context).Concat(coerced.Select(p => (p.Key, (object?)null))))
        {
            if (ordered.ContainsKey(name) || !coerced.TryGetValue(name, out var field))
                continue;
            ordered[name] = field is IDictionary<string, object?> nested ? Reorder(nested, value, context) : field;
        }
        return ordered;
    }
}

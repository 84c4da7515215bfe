using System.Linq.Expressions;
using GraphQL;
using GraphQLParser.AST;

namespace WelfareGraph.Querying;

/// <summary>
/// Builds the <c>Select</c> of a list or lookup from the query's selection set: the SQL reads only the
/// columns asked for, and related objects come in the same command through joins (no N+1).
/// </summary>
public static class Projection
{
    private const int MaxDepth = 6;

    /// <summary>
    /// Where the entity's fields sit in the selection: under the field itself, a connection's nodes/edges, or a segment's items.
    /// </summary>
    public enum Shape
    {
        Object,
        Connection,
        Segment,
    }

    public static IQueryable<T> Project<T>(this IQueryable<T> query, IResolveFieldContext context, Type graphType, Shape shape) =>
        Selector<T>(context, graphType, shape) is { } selector ? query.Select(selector) : query;

    /// <summary>The projection of the current field's selection, or null when no entity fields are selected.</summary>
    public static Expression<Func<T, T>>? Selector<T>(IResolveFieldContext context, Type graphType, Shape shape)
    {
        if (context.FieldAst.SelectionSet is null)
            return null;
        var selections = shape switch
        {
            Shape.Connection => Children(context, [context.FieldAst.SelectionSet], "nodes")
                .Concat(Children(context, Children(context, [context.FieldAst.SelectionSet], "edges"), "node"))
                .ToList(),
            Shape.Segment => Children(context, [context.FieldAst.SelectionSet], "items").ToList(),
            _ => [context.FieldAst.SelectionSet],
        };
        if (selections.Count == 0)
            return null; // e.g. only totalCount: no rows are read anyway
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(Init(context, parameter, typeof(T), graphType, selections, 0), parameter);
    }

    private static Expression Init(
        IResolveFieldContext context,
        Expression source,
        Type clrType,
        Type graphType,
        IReadOnlyList<GraphQLSelectionSet> selections,
        int depth
    )
    {
        var map = EntityFieldMap.ByName(graphType);
        var selected = selections.SelectMany(s => Selections.Fields(context, s)).GroupBy(f => f.Name.StringValue);
        var bindings = new Dictionary<string, MemberBinding>();
        if (clrType.GetProperty("Id") is { } id)
            bindings["Id"] = Expression.Bind(id, Expression.Property(source, id));

        foreach (var group in selected)
        {
            if (!map.TryGetValue(group.Key, out var field) || bindings.ContainsKey(field.Member.Name))
                continue;
            var member = Expression.Property(source, field.Member);
            var children = group.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
            switch (field.Kind)
            {
                case EntityFieldKind.Reference when depth < MaxDepth:
                    var nested = Init(context, member, field.Member.PropertyType, field.GraphType!, children, depth + 1);
                    bindings[field.Member.Name] = Expression.Bind(
                        field.Member,
                        field.IsOptionalReference
                            ? Expression.Condition(
                                Expression.Equal(member, Expression.Constant(null, member.Type)),
                                Expression.Constant(null, member.Type),
                                nested
                            )
                            : nested
                    );
                    break;
                case EntityFieldKind.Collection when depth < MaxDepth:
                    var element = Expression.Parameter(field.ClrType, "e");
                    var select = Expression.Call(
                        typeof(Enumerable),
                        nameof(Enumerable.Select),
                        [field.ClrType, field.ClrType],
                        member,
                        Expression.Lambda(Init(context, element, field.ClrType, field.GraphType!, children, depth + 1), element)
                    );
                    bindings[field.Member.Name] = Expression.Bind(
                        field.Member,
                        Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [field.ClrType], select)
                    );
                    break;
                case EntityFieldKind.Scalar or EntityFieldKind.Enum:
                    bindings[field.Member.Name] = Expression.Bind(field.Member, member);
                    break;
            }
        }
        return Expression.MemberInit(Expression.New(clrType), bindings.Values);
    }

    private static IEnumerable<GraphQLSelectionSet> Children(
        IResolveFieldContext context,
        IEnumerable<GraphQLSelectionSet> sets,
        string name
    ) =>
        sets.SelectMany(s => Selections.Fields(context, s))
            .Where(f => f.Name.Value == name && f.SelectionSet is not null)
            .Select(f => f.SelectionSet!);
}

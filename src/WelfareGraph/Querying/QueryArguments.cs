using GraphQL;
using GraphQL.Types;
using WelfareGraph.Querying.Filtering;
using WelfareGraph.Querying.Sorting;

namespace WelfareGraph.Querying;

/// <summary>The data arguments of list fields, <c>where</c> and <c>order</c>, applied as SQL.</summary>
public static class QueryArguments
{
    /// <summary>
    /// Applies the field's <c>where</c> argument, if any, as a predicate EF translates to SQL. Call it while
    /// the resolver runs (the context is reused afterwards); the predicate itself may be used later.
    /// </summary>
    /// <summary>The field's <c>where</c> as a predicate, or null without one; built now, so a bad filter fails before any SQL.</summary>
    public static IQueryable<T> ApplyWhere<T>(this IQueryable<T> query, IResolveFieldContext context, QueryLimitOptions limits) =>
        WherePredicate<T>(context, limits) is { } predicate ? query.Where(predicate) : query;

    /// <summary>The field's <c>where</c> as a predicate, or null without one; built now, so a bad filter fails before any SQL.</summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>>? WherePredicate<T>(
        IResolveFieldContext context,
        QueryLimitOptions limits
    ) =>
        context.GetArgument<object?>("where") is IDictionary<string, object?> { Count: > 0 } where
            ? WherePredicate<T>(where, EntityGraphTypeOf(context, "where", typeof(FilterInputGraphType<>)), limits)
            : null;

    /// <summary>
    /// A <c>where</c> argument's value (as exports read it from the document) as a predicate over <paramref name="graphType"/>'s entity.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>>? WherePredicate<T>(
        IDictionary<string, object?>? where,
        Type graphType,
        QueryLimitOptions limits
    ) => where is { Count: > 0 } ? new FilterExpressionBuilder(limits).Build<T>(where, graphType) : null;

    /// <summary>
    /// The entity GraphQL type behind an argument typed <c>FilterInputGraphType&lt;X&gt;</c> or <c>[SortInputGraphType&lt;X&gt;!]</c>.
    /// </summary>
    private static Type EntityGraphTypeOf(IResolveFieldContext context, string argument, Type generic)
    {
        var type = context.FieldDefinition.Arguments?.Find(argument)?.Type;
        while (type is { IsGenericType: true } && type.GetGenericTypeDefinition() != generic)
            type = type.GetGenericArguments()[0];
        return type?.GetGenericArguments()[0]
            ?? throw new InvalidOperationException($"`{argument}` of {context.FieldDefinition.Name} is not a {generic.Name}.");
    }

    /// <summary>Adds <c>where</c> and <c>order</c> for the entity of <typeparamref name="TGraphType"/>.</summary>
    public static GraphQL.Builders.FieldBuilder<TSource, TReturn> FilterAndSortArguments<TSource, TReturn, TGraphType>(
        this GraphQL.Builders.FieldBuilder<TSource, TReturn> field
    )
        where TGraphType : IComplexGraphType, new() =>
        field
            .Argument<FilterInputGraphType<TGraphType>>("where", "A filter in HotChocolate's shape, run as SQL.")
            .Argument<ListGraphType<NonNullGraphType<SortInputGraphType<TGraphType>>>>(
                "order",
                "Sort keys in order; the primary key always breaks ties."
            );
}

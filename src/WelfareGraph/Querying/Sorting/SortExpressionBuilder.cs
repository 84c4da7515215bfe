using System.Linq.Expressions;
using GraphQL;

namespace WelfareGraph.Querying.Sorting;

/// <summary>
/// Turns <c>order: [{ date: DESC }, { county: { nameFa: ASC } }]</c> into ORDER BY, then the primary key,
/// so that pages are stable. Persian text sorts in Persian alphabetical order where the provider has
/// such a collation (PostgreSQL ICU <c>fa-IR-x-icu</c>, SQL Server <c>Persian_100_CI_AI</c>); SQLite has
/// none and sorts by code point.
/// </summary>
public static class SortExpressionBuilder
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, IEnumerable<object?> order, Type graphType, string? collation, int maxFields)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = new List<(Expression Key, SortDirection Direction)>();
        foreach (var item in order)
            if (item is IDictionary<string, object?> fields)
                Collect(parameter, graphType, fields, collation, keys);
        if (keys.Count > maxFields)
            throw new ExecutionError($"`order` may hold at most {maxFields} fields.") { Code = "SORT_TOO_LARGE" };

        var ordered = false;
        foreach (var (key, direction) in keys)
        {
            query = OrderBy(query, Expression.Lambda(key, parameter), direction, ordered);
            ordered = true;
        }
        return ThenByKey(query, parameter, ordered);
    }

    /// <summary>The primary key as the last sort key (the only one when nothing else is asked).</summary>
    public static IQueryable<T> ThenByKey<T>(IQueryable<T> query, ParameterExpression? parameter = null, bool ordered = true)
    {
        parameter ??= Expression.Parameter(typeof(T), "x");
        return OrderBy(query, Expression.Lambda(Expression.Property(parameter, "Id"), parameter), SortDirection.Asc, ordered);
    }

    private static void Collect(
        Expression instance,
        Type graphType,
        IDictionary<string, object?> fields,
        string? collation,
        List<(Expression, SortDirection)> keys
    )
    {
        var map = EntityFieldMap.ByName(graphType);
        foreach (var (name, value) in fields)
        {
            if (value is null)
                continue;
            var field = map[name];
            var member = Expression.Property(instance, field.Member);
            if (field.Kind == EntityFieldKind.Reference)
                Collect(member, field.GraphType!, (IDictionary<string, object?>)value, collation, keys);
            else
                keys.Add(
                    (field.ClrType == typeof(string) && collation is not null ? Collate(member, collation) : member, (SortDirection)value)
                );
        }
    }

    private static Expression Collate(Expression member, string collation)
    {
        var method = typeof(RelationalDbFunctionsExtensions)
            .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!
            .MakeGenericMethod(typeof(string));
        return Expression.Call(method, Expression.Constant(EF.Functions), member, Expression.Constant(collation));
    }

    private static IQueryable<T> OrderBy<T>(IQueryable<T> query, LambdaExpression key, SortDirection direction, bool thenBy)
    {
        var name = (thenBy, direction) switch
        {
            (false, SortDirection.Asc) => nameof(Queryable.OrderBy),
            (false, SortDirection.Desc) => nameof(Queryable.OrderByDescending),
            (true, SortDirection.Asc) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        return query.Provider.CreateQuery<T>(
            Expression.Call(typeof(Queryable), name, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key))
        );
    }
}

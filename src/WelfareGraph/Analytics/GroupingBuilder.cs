using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace WelfareGraph.Analytics;

/// <summary>
/// Which aggregates a GROUP BY computes: only those a request needs, so the SQL does no extra work. <c>Sum</c>
/// (with its <c>Min</c> and <c>Max</c>) is a contribution amount in rial; centres sum their places and residents.
/// Over rows that are themselves sums (the rollup's cells), <c>RowCount</c>, <c>Least</c> and <c>Greatest</c> name
/// the columns that count and bound the rows they stand for.
/// </summary>
public sealed record Aggregates<T>(
    Expression<Func<T, long>>? Sum = null,
    bool Min = false,
    bool Max = false,
    Expression<Func<T, long>>? Capacity = null,
    Expression<Func<T, long>>? Residents = null,
    Expression<Func<T, long>>? RowCount = null,
    Expression<Func<T, long>>? Least = null,
    Expression<Func<T, long>>? Greatest = null
);

/// <summary>
/// Builds, as expression trees, <c>source.GroupBy(x => new GroupKey { County = x.CountyId, Month = x.SolarMonth, ... })
/// .Select(g => new GroupRow { County = g.Key.County, ..., Sum = g.Sum(x => x.AmountRial), Count = g.LongCount() })</c>
/// for any set of slots. EF translates the result to one <c>SELECT ... GROUP BY</c>; a <c>Where</c> or
/// <c>OrderBy</c> composed over the <see cref="GroupRow"/> members becomes HAVING and ORDER BY.
/// </summary>
public static class GroupingBuilder
{
    public static IQueryable<GroupRow> Group<T>(
        IQueryable<T> source,
        SlotColumns<T> columns,
        IReadOnlyCollection<Slot> slots,
        IReadOnlyCollection<Slot> codeSlots,
        Aggregates<T> aggregates
    )
    {
        var x = Expression.Parameter(typeof(T), "x");
        // No slots: a constant key, which EF turns into an aggregate over the whole set (no GROUP BY).
        Expression keyBody =
            slots.Count == 0
                ? Expression.Constant(1)
                : Expression.MemberInit(
                    Expression.New(typeof(GroupKey)),
                    slots
                        .Select(s =>
                            Expression.Bind(
                                Slots.Property(s),
                                Expression.Convert(Inline(columns.Column(s), x), Slots.Property(s).PropertyType)
                            )
                        )
                        .Concat(codeSlots.Select(s => Expression.Bind(Slots.CodeOf(s)!, Inline(columns.Code(s), x))))
                );
        var keyType = keyBody.Type;
        var grouped = GroupByMethod.MakeGenericMethod(typeof(T), keyType).Invoke(null, [source, Expression.Lambda(keyBody, x)])!;

        var g = Expression.Parameter(typeof(IGrouping<,>).MakeGenericType(keyType, typeof(T)), "g");
        var key = Expression.Property(g, "Key");
        var bindings = new List<MemberBinding>();
        if (slots.Count > 0)
        {
            bindings.AddRange(slots.Select(s => Expression.Bind(Slots.Property(s), Expression.Property(key, Slots.Property(s)))));
            bindings.AddRange(codeSlots.Select(s => Expression.Bind(Slots.CodeOf(s)!, Expression.Property(key, Slots.CodeOf(s)!))));
        }
        var count = aggregates.RowCount is { } rowCount
            ? Aggregate(SumMethod, g, rowCount)
            : Expression.Call(LongCountMethod.MakeGenericMethod(typeof(T)), g);
        bindings.Add(Expression.Bind(Member(nameof(GroupRow.Count)), count));
        if (aggregates.Sum is { } sum)
        {
            bindings.Add(Expression.Bind(Member(nameof(GroupRow.Sum)), Aggregate(SumMethod, g, sum)));
            if (aggregates.Min)
                bindings.Add(
                    Expression.Bind(
                        Member(nameof(GroupRow.Min)),
                        Expression.Convert(Aggregate(MinMethod, g, aggregates.Least ?? sum), typeof(long?))
                    )
                );
            if (aggregates.Max)
                bindings.Add(
                    Expression.Bind(
                        Member(nameof(GroupRow.Max)),
                        Expression.Convert(Aggregate(MaxMethod, g, aggregates.Greatest ?? sum), typeof(long?))
                    )
                );
        }
        if (aggregates.Capacity is { } capacity)
            bindings.Add(Expression.Bind(Member(nameof(GroupRow.Capacity)), Aggregate(SumMethod, g, capacity)));
        if (aggregates.Residents is { } residents)
            bindings.Add(Expression.Bind(Member(nameof(GroupRow.Residents)), Aggregate(SumMethod, g, residents)));

        var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(GroupRow)), bindings), g);
        return (IQueryable<GroupRow>)SelectMethod.MakeGenericMethod(g.Type, typeof(GroupRow)).Invoke(null, [grouped, selector])!;
    }

    /// <summary>The column expression with its parameter replaced by <paramref name="x"/>.</summary>
    private static Expression Inline(LambdaExpression column, ParameterExpression x) =>
        ReplacingExpressionVisitor.Replace(column.Parameters[0], x, column.Body);

    private static Expression Aggregate(MethodInfo method, ParameterExpression g, LambdaExpression selector) =>
        Expression.Call(method.MakeGenericMethod(selector.Parameters[0].Type), g, selector);

    private static PropertyInfo Member(string name) => typeof(GroupRow).GetProperty(name)!;

    private static readonly MethodInfo GroupByMethod = typeof(Queryable)
        .GetMethods()
        .Single(m => m.Name == nameof(Queryable.GroupBy) && m.GetParameters().Length == 2);

    private static readonly MethodInfo SelectMethod = typeof(Queryable)
        .GetMethods()
        .Single(m =>
            m.Name == nameof(Queryable.Select)
            && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2
        );

    private static readonly MethodInfo LongCountMethod = typeof(Enumerable)
        .GetMethods()
        .Single(m => m.Name == nameof(Enumerable.LongCount) && m.GetParameters().Length == 1);

    private static readonly MethodInfo SumMethod = LongSelectorOverload(nameof(Enumerable.Sum));
    private static readonly MethodInfo MinMethod = LongSelectorOverload(nameof(Enumerable.Min));
    private static readonly MethodInfo MaxMethod = LongSelectorOverload(nameof(Enumerable.Max));

    // Enumerable.Sum<TSource>(IEnumerable<TSource>, Func<TSource, long>): 64-bit sums stay plain SUM on SQLite.
    private static MethodInfo LongSelectorOverload(string name) =>
        typeof(Enumerable)
            .GetMethods()
            .Single(m =>
                m.Name == name
                && m.IsGenericMethodDefinition
                && m.GetGenericArguments().Length == 1
                && m.GetParameters().Length == 2
                && m.GetParameters()[1].ParameterType.GetGenericArguments() is [_, var result]
                && result == typeof(long)
            );
}

using System.Collections;
using System.Linq.Expressions;
using GraphQL;

namespace WelfareGraph.Analytics;

/// <summary>
/// Turns <c>having: { sum: { gte: 1000 }, count: { gt: 5 } }</c> into a predicate over <see cref="GroupRow"/>,
/// comparing in the requested unit. Money stays in 64-bit rial: <c>sum ≥ 1000.5 toman</c> becomes
/// <c>SUM(amount_rial) ≥ 10005</c>, and a bound between two whole rials moves to the right one (≥ 100.05 toman
/// is ≥ 1001 rial), so SQL compares integers exactly. Averages compare as <c>sum ≥ v × count</c>.
/// </summary>
public static class MeasureFilter
{
    /// <summary>Measures that exist only after SQL (they need the total or the comparison period).</summary>
    public static bool NeedsComputedMeasures(IDictionary<string, object?>? having) => Mentions(having, "share", "growth");

    /// <summary>Whether a condition on any of <paramref name="measures"/> appears, at any depth of and/or.</summary>
    public static bool Mentions(IDictionary<string, object?>? having, params string[] measures) =>
        having is not null
        && having.Any(p =>
            p.Value is not null && (measures.Contains(p.Key) || p.Key is "and" or "or" && Items(p.Value).Any(i => Mentions(i, measures)))
        );

    public static Expression<Func<GroupRow, bool>>? Build(IDictionary<string, object?>? having, MoneyUnit unit)
    {
        if (having is null || having.Count == 0)
            return null;
        var row = Expression.Parameter(typeof(GroupRow), "row");
        return Expression.Lambda<Func<GroupRow, bool>>(Object(row, having, unit), row);
    }

    private static Expression Object(ParameterExpression row, IDictionary<string, object?> having, MoneyUnit unit) =>
        Conditions(
            having,
            item => Object(row, item, unit),
            (measure, operations) => Operations(row, measure, (IDictionary<string, object?>)operations, unit)
        );

    private static Expression Operations(ParameterExpression row, string measure, IDictionary<string, object?> operations, MoneyUnit unit)
    {
        Expression AnyEqual(object values) =>
            AnyOf(((IEnumerable)values).Cast<object>().Select(v => Compare(row, measure, "eq", Convert.ToDecimal(v), unit)));
        return Conditions(
            operations,
            item => Operations(row, measure, item, unit),
            (op, value) =>
                op switch
                {
                    "in" => AnyEqual(value),
                    "nin" => Expression.Not(AnyEqual(value)),
                    _ => Compare(row, measure, op, Convert.ToDecimal(value), unit),
                }
        );
    }

    /// <summary>
    /// One level of <c>having</c>, all of its entries true: the items of <c>and</c>/<c>or</c> read with
    /// <paramref name="nested"/>, every other entry with <paramref name="entry"/>; a null entry is no condition.
    /// </summary>
    private static Expression Conditions(
        IDictionary<string, object?> entries,
        Func<IDictionary<string, object?>, Expression> nested,
        Func<string, object, Expression> entry
    ) =>
        AllOf(
            entries
                .Where(e => e.Value is not null)
                .Select(e =>
                    e.Key switch
                    {
                        "and" => AllOf(Items(e.Value).Select(nested)),
                        "or" => AnyOf(Items(e.Value).Select(nested)),
                        _ => entry(e.Key, e.Value!),
                    }
                )
        );

    private static Expression AllOf(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression)Expression.Constant(true), Expression.AndAlso);

    private static Expression AnyOf(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression)Expression.Constant(false), Expression.OrElse);

    private static Expression Compare(ParameterExpression row, string measure, string op, decimal value, MoneyUnit unit)
    {
        if (op.StartsWith('n') && op != "neq")
            return Expression.Not(Compare(row, measure, op[1..], value, unit));
        if (op == "neq")
            return Expression.Not(Compare(row, measure, "eq", value, unit));
        Expression Member(string name) => Expression.Property(row, name);
        return measure switch
        {
            "sum" => Whole(Member(nameof(GroupRow.Sum)), op, value * (int)unit),
            "min" => Whole(Member(nameof(GroupRow.Min)), op, value * (int)unit),
            "max" => Whole(Member(nameof(GroupRow.Max)), op, value * (int)unit),
            "count" => Whole(Member(nameof(GroupRow.Count)), op, value),
            "average" => Average(row, op, value * (int)unit),
            "share" => Fraction(Member(nameof(GroupRow.Share)), op, value),
            "growth" => Fraction(Member(nameof(GroupRow.Growth)), op, value),
            _ => throw new ExecutionError($"Unknown measure `{measure}` in `having`.") { Code = "INVALID_HAVING" },
        };
    }

    /// <summary>An integer measure against a decimal bound, as an exact integer comparison.</summary>
    private static Expression Whole(Expression member, string op, decimal bound)
    {
        var (floor, ceiling) = (decimal.Floor(bound), decimal.Ceiling(bound));
        if (floor < long.MinValue || ceiling > long.MaxValue)
            throw new ExecutionError($"`having` bound {bound} is out of range.") { Code = "INVALID_HAVING" };
        Expression Constant(decimal v) => Expression.Constant((long)v, member.Type == typeof(long?) ? typeof(long?) : typeof(long));
        return op switch
        {
            "eq" => floor == bound ? Expression.Equal(member, Constant(bound)) : Expression.Constant(false),
            "gt" => Expression.GreaterThan(member, Constant(floor)),
            "gte" => Expression.GreaterThanOrEqual(member, Constant(ceiling)),
            "lt" => Expression.LessThan(member, Constant(ceiling)),
            "lte" => Expression.LessThanOrEqual(member, Constant(floor)),
            _ => throw new ExecutionError($"Unknown operator `{op}` in `having`.") { Code = "INVALID_HAVING" },
        };
    }

    // sum/count op v  ⇔  sum op v × count (count > 0); in double, identically in SQL and in .NET.
    private static Expression Average(ParameterExpression row, string op, decimal bound)
    {
        var count = Expression.Property(row, nameof(GroupRow.Count));
        var left = Expression.Convert(Expression.Property(row, nameof(GroupRow.Sum)), typeof(double));
        var right = Expression.Multiply(Expression.Constant((double)bound), Expression.Convert(count, typeof(double)));
        return Expression.AndAlso(Expression.GreaterThan(count, Expression.Constant(0L)), Binary(op, left, right));
    }

    private static Expression Fraction(Expression member, string op, decimal bound) =>
        Binary(op, member, Expression.Constant((decimal?)bound, typeof(decimal?)));

    private static Expression Binary(string op, Expression left, Expression right) =>
        op switch
        {
            "eq" => Expression.Equal(left, right),
            "gt" => Expression.GreaterThan(left, right),
            "gte" => Expression.GreaterThanOrEqual(left, right),
            "lt" => Expression.LessThan(left, right),
            "lte" => Expression.LessThanOrEqual(left, right),
            _ => throw new ExecutionError($"Unknown operator `{op}` in `having`.") { Code = "INVALID_HAVING" },
        };

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        value is IEnumerable items ? items.OfType<IDictionary<string, object?>>() : [];
}

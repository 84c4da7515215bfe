using System.Linq.Expressions;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// Enum columns as their API codes (<c>IN_KIND</c>) inside EF projections: <see cref="Of{T}(T)"/> marks the
/// spot in a projection written as ordinary C#, and <see cref="Inline{TIn,TOut}"/> replaces each mark with a
/// CASE expression, so the database returns the code and OData's <c>$filter=Type eq 'CASH'</c> and
/// <c>$apply=groupby((Type))</c> run in SQL.
/// </summary>
public static class Codes
{
    public static string Of<T>(T value)
        where T : struct, Enum => throw new InvalidOperationException("Codes.Of is only a marker inside projections.");

    public static string? Of<T>(T? value)
        where T : struct, Enum => throw new InvalidOperationException("Codes.Of is only a marker inside projections.");

    public static Expression<Func<TIn, TOut>> Inline<TIn, TOut>(Expression<Func<TIn, TOut>> projection) =>
        (Expression<Func<TIn, TOut>>)new Inliner().Visit(projection);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Codes) || node.Method.Name != nameof(Of))
                return base.VisitMethodCall(node);
            var value = Visit(node.Arguments[0]);
            var enumType = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            Expression result = Expression.Constant(null, typeof(string));
            foreach (var enumValue in Enum.GetValues(enumType).Cast<Enum>().Reverse())
                result = Expression.Condition(
                    Expression.Equal(value, Expression.Constant(enumValue, value.Type)),
                    Expression.Constant(EnumNames.Code(enumValue), typeof(string)),
                    result
                );
            return result;
        }
    }
}

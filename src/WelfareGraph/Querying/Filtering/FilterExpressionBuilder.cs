using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using GraphQL;

namespace WelfareGraph.Querying.Filtering;

/// <summary>
/// Turns a HotChocolate-style <c>where</c> value into a predicate EF translates to SQL. Values become
/// query parameters (not literals), so plans are reused and nothing is spliced into SQL text.
/// </summary>
public sealed class FilterExpressionBuilder(QueryLimitOptions limits)
{
    private int _predicates;

    public Expression<Func<T, bool>> Build<T>(IDictionary<string, object?> where, Type graphType)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Object(parameter, graphType, where), parameter);
    }

    private Expression Object(Expression instance, Type graphType, IDictionary<string, object?> where)
    {
        var fields = EntityFieldMap.ByName(graphType);
        var parts = new List<Expression>();
        foreach (var (name, value) in where)
        {
            if (TryAddCombination(parts, name, value, item => Object(instance, graphType, item)))
                continue;
            var field = fields[name];
            if (value is null)
                throw NullOperandError.Create(name, typeof(FilterInputGraphType<>).MakeGenericType(graphType));
            parts.Add(Field(instance, field, value));
        }
        return Combine(parts, Expression.AndAlso, true);
    }

    private Expression Field(Expression instance, EntityField field, object? value)
    {
        var member = Expression.Property(instance, field.Member);
        switch (field.Kind)
        {
            case EntityFieldKind.Reference:
                var nested = Object(member, field.GraphType!, Dictionary(value));
                return field.IsOptionalReference
                    ? Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, member.Type)), nested)
                    : nested;
            case EntityFieldKind.Collection:
                return List(member, field, Dictionary(value));
            default:
                return Operations(member, field, Dictionary(value));
        }
    }

    private Expression List(Expression member, EntityField field, IDictionary<string, object?> operations)
    {
        var element = field.ClrType;
        // Enumerable.Any/All<element>(member[, predicate]), the overload picked by its arguments.
        Expression Call(string method, params Expression[] arguments) =>
            Expression.Call(typeof(Enumerable), method, [element], [member, .. arguments]);
        var parts = new List<Expression>();
        foreach (var (name, value) in operations)
        {
            if (value is null)
                throw NullOperandError.Create(name, typeof(ListFilterInputGraphType<>).MakeGenericType(field.GraphType!));
            Count();
            if (name == "any")
            {
                var hasAny = Call(nameof(Enumerable.Any));
                parts.Add((bool)value ? hasAny : Expression.Not(hasAny));
                continue;
            }
            var parameter = Expression.Parameter(element, "e");
            var predicate = Expression.Lambda(Object(parameter, field.GraphType!, Dictionary(value)), parameter);
            parts.Add(
                name switch
                {
                    "some" => Call(nameof(Enumerable.Any), predicate),
                    "none" => Expression.Not(Call(nameof(Enumerable.Any), predicate)),
                    "all" => Call(nameof(Enumerable.All), predicate),
                    _ => throw Invalid($"`{name}` is not a list operation."),
                }
            );
        }
        return Combine(parts, Expression.AndAlso, true);
    }

    private Expression Operations(Expression member, EntityField field, IDictionary<string, object?> operations)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in operations)
        {
            if (TryAddCombination(parts, name, value, item => Operations(member, field, item)))
                continue;
            Count();
            if (value is null && name is not ("eq" or "neq"))
                throw NullOperandError.Create(name, OperationFilterInputs.For(field));
            parts.Add(Operation(member, field, name, value));
        }
        return Combine(parts, Expression.AndAlso, true);
    }

    private Expression Operation(Expression member, EntityField field, string name, object? value)
    {
        var isString = field.ClrType == typeof(string);
        if (value is null)
        {
            // HotChocolate: `eq: null` is IS NULL, `neq: null` IS NOT NULL; other operations refuse null (Operations).
            return name == "eq"
                ? Expression.Equal(member, Expression.Constant(null, member.Type))
                : Expression.NotEqual(member, Expression.Constant(null, member.Type));
        }

        if (name is "in" or "nin")
        {
            var values = ((IEnumerable)value).Cast<object?>().ToList();
            if (values.Count > limits.MaxFilterListSize)
                throw new ExecutionError($"`{name}` lists at most {limits.MaxFilterListSize} values; this one has {values.Count}.")
                {
                    Code = "FILTER_TOO_LARGE",
                };
            var fold = isString && values.OfType<string>().Any(PersianText.NeedsFolding);
            var column = fold ? PersianText.FoldColumn(member) : member;
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(column.Type))!;
            foreach (var item in values.OfType<object>())
                list.Add(ConvertValue(fold ? PersianText.Fold((string)item) : item, column.Type, field));
            Expression call = Expression.Call(
                typeof(Enumerable),
                nameof(Enumerable.Contains),
                [column.Type],
                Parameter(list, list.GetType()),
                column
            );
            // A null item means "the field is null", as in HotChocolate (`in: [HOUR, null]`): IS NULL beside the IN list.
            // A field that cannot be null has no such rows, so there the item matches nothing, as `eq: null` does.
            if (values.Contains(null) && (!member.Type.IsValueType || Nullable.GetUnderlyingType(member.Type) is not null))
                call = Expression.OrElse(call, Expression.Equal(member, Expression.Constant(null, member.Type)));
            return name == "in" ? call : Expression.Not(call);
        }

        if (isString)
        {
            var text = (string)value;
            var fold = PersianText.NeedsFolding(text);
            var column = fold ? PersianText.FoldColumn(member) : member;
            var argument = Parameter(fold ? PersianText.Fold(text) : text, typeof(string));
            Expression StringCall(string method) =>
                Expression.AndAlso(
                    Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                    Expression.Call(column, typeof(string).GetMethod(method, [typeof(string)])!, argument)
                );
            switch (name)
            {
                case "eq":
                    return Expression.Equal(column, argument);
                case "neq":
                    return Expression.NotEqual(column, argument);
                case "contains":
                    return StringCall(nameof(string.Contains));
                case "ncontains":
                    return Expression.Not(StringCall(nameof(string.Contains)));
                case "startsWith":
                    return StringCall(nameof(string.StartsWith));
                case "nstartsWith":
                    return Expression.Not(StringCall(nameof(string.StartsWith)));
                case "endsWith":
                    return StringCall(nameof(string.EndsWith));
                case "nendsWith":
                    return Expression.Not(StringCall(nameof(string.EndsWith)));
            }
        }

        var constant = Parameter(ConvertValue(value, member.Type, field), member.Type);
        return name switch
        {
            "eq" => Expression.Equal(member, constant),
            "neq" => Expression.NotEqual(member, constant),
            "gt" => Expression.GreaterThan(member, constant),
            "ngt" => Expression.Not(Expression.GreaterThan(member, constant)),
            "gte" => Expression.GreaterThanOrEqual(member, constant),
            "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, constant)),
            "lt" => Expression.LessThan(member, constant),
            "nlt" => Expression.Not(Expression.LessThan(member, constant)),
            "lte" => Expression.LessThanOrEqual(member, constant),
            "nlte" => Expression.Not(Expression.LessThanOrEqual(member, constant)),
            _ => throw Invalid($"`{name}` is not an operation of {field.Name}."),
        };
    }

    private void Count()
    {
        if (++_predicates > limits.MaxFilterPredicates)
            throw new ExecutionError($"A filter may hold at most {limits.MaxFilterPredicates} conditions.") { Code = "FILTER_TOO_LARGE" };
    }

    private static object? ConvertValue(object value, Type type, EntityField field)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target.IsInstanceOfType(value))
                return value;
            if (target.IsEnum)
                return Enum.ToObject(target, value);
            if (value is string text)
            {
                text = PersianText.Fold(text).Trim();
                return target == typeof(string) ? text : Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
            }
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw Invalid($"'{value}' is not a valid value for `{field.Name}`.");
        }
    }

    /// <summary>A value read through a closure-like holder, which EF sends as a parameter.</summary>
    private static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class ValueHolder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is <c>and</c>/<c>or</c>: then its items, each read with <paramref name="item"/>,
    /// join <paramref name="parts"/> as one condition. HotChocolate: an empty <c>and: []</c> / <c>or: []</c> adds no
    /// condition (an empty OR is not "match nothing").
    /// </summary>
    private static bool TryAddCombination(
        List<Expression> parts,
        string name,
        object? value,
        Func<IDictionary<string, object?>, Expression> item
    )
    {
        if (name is not ("and" or "or"))
            return false;
        var items = Items(value).Select(item).ToList();
        if (items.Count > 0)
            parts.Add(name == "and" ? Combine(items, Expression.AndAlso, true) : Combine(items, Expression.OrElse, false));
        return true;
    }

    private static Expression Combine(IEnumerable<Expression> parts, Func<Expression, Expression, BinaryExpression> join, bool empty)
    {
        Expression? result = null;
        foreach (var part in parts)
            result = result is null ? part : join(result, part);
        return result ?? Expression.Constant(empty);
    }

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        value is IEnumerable items ? items.Cast<object?>().Where(i => i is not null).Select(Dictionary) : [];

    private static IDictionary<string, object?> Dictionary(object? value) =>
        value as IDictionary<string, object?> ?? throw Invalid("Expected an input object.");

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_FILTER" };
}

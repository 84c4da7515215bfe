using System.Linq.Expressions;
using GraphQL;
using WelfareGraph.Querying.Sorting;

namespace WelfareGraph.Analytics;

/// <summary>One sort key of <c>order</c>, e.g. <c>{ sum: DESC }</c> or <c>{ county: ASC }</c>.</summary>
public sealed record GroupSort(string Field, SortDirection Direction);

/// <summary>
/// Sort keys as expressions over <see cref="GroupRow"/>, so the same order runs as SQL ORDER BY (composed
/// over the GROUP BY projection) or over rows that exist only after SQL (rollup subtotals, gap rows).
/// Entity keys sort by code, enums by their declared order, periods chronologically; nulls sort last in
/// either direction; the key slots break ties, so <c>first</c> always cuts at the same place.
/// </summary>
public static class GroupOrder
{
    public static readonly string[] KeyFields =
    [
        "province",
        "county",
        "type",
        "sector",
        "intent",
        "channel",
        "center",
        "charity",
        "year",
        "quarter",
        "month",
        "period",
    ];
    public static readonly string[] MeasureFields = ["sum", "count", "average", "min", "max", "share", "growth"];

    /// <summary>Entity slots whose codes the GROUP BY must carry for these sort keys.</summary>
    public static IEnumerable<Slot> CodeSlots(IEnumerable<GroupSort> order) =>
        order
            .Select(s =>
                s.Field switch
                {
                    "province" => Slot.Province,
                    "county" => Slot.County,
                    "center" => Slot.Center,
                    "charity" => Slot.Charity,
                    _ => (Slot?)null,
                }
            )
            .OfType<Slot>()
            .Distinct();

    /// <summary>Whether a sort needs figures that exist only after SQL.</summary>
    public static bool NeedsComputedMeasures(IEnumerable<GroupSort> order) => order.Any(s => s.Field == "growth");

    public static IQueryable<GroupRow> Apply(
        IQueryable<GroupRow> rows,
        IReadOnlyList<GroupSort> order,
        IReadOnlyCollection<Slot> slots,
        Slot? constantSlot = null
    )
    {
        var row = Expression.Parameter(typeof(GroupRow), "row");
        var keys = new List<(Expression Key, bool Descending)>();
        foreach (var sort in order)
        {
            foreach (var (key, optional) in Keys(row, sort.Field, slots, constantSlot).OfType<(Expression, bool)>())
                Add(keys, key, sort.Direction == SortDirection.Desc, optional);
        }
        foreach (var slot in slots.Where(s => s != constantSlot))
            Add(keys, Expression.Property(row, Slots.Property(slot)), descending: false, Slots.IsOptional(slot));

        IOrderedQueryable<GroupRow>? ordered = null;
        foreach (var (key, descending) in keys)
            ordered = OrderBy(ordered ?? rows, Expression.Lambda(key, row), descending, thenBy: ordered is not null);
        return ordered ?? rows;
    }

    /// <summary>The default order of <see cref="Apply"/> (the keys ascending, nulls last) over rows in memory.</summary>
    public static List<GroupRow> ByKeys(IReadOnlyList<GroupRow> rows, IReadOnlyCollection<Slot> slots, Slot? constantSlot = null)
    {
        IOrderedEnumerable<GroupRow>? ordered = null;
        foreach (var slot in slots.Where(s => s != constantSlot))
        {
            Func<GroupRow, long> key = row => Slots.Get(row, slot) ?? long.MaxValue;
            ordered = ordered is null ? rows.OrderBy(key) : ordered.ThenBy(key);
        }
        return ordered?.ToList() ?? rows.ToList();
    }

    // Key columns are typed nullable for the unbound slots, but only centre and charity hold nulls in the
    // data: a null test on the others would only cost the database a CASE per group.
    private static void Add(List<(Expression, bool)> keys, Expression key, bool descending, bool optional)
    {
        if (optional)
            keys.Add((Expression.Equal(key, Expression.Constant(null, key.Type)), false));
        keys.Add((key, descending));
    }

    private static IEnumerable<(Expression Key, bool Optional)?> Keys(
        ParameterExpression row,
        string field,
        IReadOnlyCollection<Slot> slots,
        Slot? constantSlot
    )
    {
        (Expression, bool)? SlotOf(Slot slot) =>
            slot == constantSlot ? null
            : slots.Contains(slot) ? (Expression.Property(row, Slots.Property(slot)), Slots.IsOptional(slot))
            : throw new ExecutionError($"`order: {{ {field}: ... }}` needs `{field.ToUpperInvariant()}` in `groupBy`.")
            {
                Code = "INVALID_ORDER",
            };
        (Expression, bool)? Code(Slot slot) =>
            slots.Contains(slot)
                ? (Expression.Property(row, Slots.CodeOf(slot)!), Slots.IsOptional(slot))
                : throw new ExecutionError($"`order: {{ {field}: ... }}` needs `{field.ToUpperInvariant()}` in `groupBy`.")
                {
                    Code = "INVALID_ORDER",
                };
        (Expression, bool)? Member(string name, bool optional = false) => (Expression.Property(row, name), optional);

        switch (field)
        {
            case "province":
                yield return Code(Slot.Province);
                break;
            case "county":
                yield return Code(Slot.County);
                break;
            case "center":
                yield return Code(Slot.Center);
                break;
            case "charity":
                yield return Code(Slot.Charity);
                break;
            case "type":
                yield return SlotOf(Slot.Type);
                break;
            case "sector":
                yield return SlotOf(Slot.Sector);
                break;
            case "intent":
                yield return SlotOf(Slot.Intent);
                break;
            case "channel":
                yield return SlotOf(Slot.Channel);
                break;
            case "year":
                yield return SlotOf(Slot.Year);
                break;
            case "quarter":
                yield return SlotOf(Slot.Quarter);
                break;
            case "month":
                yield return SlotOf(Slot.Month);
                break;
            case "period":
                var periodSlots = new[] { Slot.Year, Slot.Quarter, Slot.Month }.Where(slots.Contains).ToList();
                if (periodSlots.Count == 0)
                    throw new ExecutionError("`order: { period: ... }` needs YEAR, QUARTER, MONTH or MONTH_OF_YEAR in `groupBy`.")
                    {
                        Code = "INVALID_ORDER",
                    };
                foreach (var slot in periodSlots)
                    yield return SlotOf(slot);
                break;
            // share = sum ÷ the total: the same order as sum, and so it can run in SQL.
            case "sum" or "share":
                yield return Member(nameof(GroupRow.Sum));
                break;
            case "count":
                yield return Member(nameof(GroupRow.Count));
                break;
            case "min":
                yield return Member(nameof(GroupRow.Min), true);
                break;
            case "max":
                yield return Member(nameof(GroupRow.Max), true);
                break;
            case "growth":
                yield return Member(nameof(GroupRow.Growth), true);
                break;
            case "average":
                var count = Expression.Property(row, nameof(GroupRow.Count));
                var sum = Expression.Property(row, nameof(GroupRow.Sum));
                yield return (
                    Expression.Condition(
                        Expression.Equal(count, Expression.Constant(0L)),
                        Expression.Constant(null, typeof(double?)),
                        Expression.Convert(
                            Expression.Divide(Expression.Convert(sum, typeof(double)), Expression.Convert(count, typeof(double))),
                            typeof(double?)
                        )
                    ),
                    true
                );
                break;
            default:
                throw new ExecutionError($"Unknown sort field `{field}`.") { Code = "INVALID_ORDER" };
        }
    }

    private static IOrderedQueryable<GroupRow> OrderBy(IQueryable<GroupRow> query, LambdaExpression key, bool descending, bool thenBy)
    {
        var name = (thenBy, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        var method = typeof(Queryable)
            .GetMethods()
            .Single(m => m.Name == name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(GroupRow), key.ReturnType);
        return (IOrderedQueryable<GroupRow>)method.Invoke(null, [query, key])!;
    }
}

using System.Linq.Expressions;
using GraphQL;
using WelfareGraph.Data;
using WelfareGraph.Querying.Sorting;

namespace WelfareGraph.Querying;

/// <summary>
/// What a list field's arguments and selection ask for — filter, order, projection — read from the
/// resolver's context once, up front. GraphQL.NET reuses resolver contexts after a resolver returns, and
/// <c>totalCount</c> builds its query later, so nothing here may look at the context again.
/// </summary>
public sealed class ListQuery<T>
{
    private readonly Expression<Func<T, bool>>? _where;
    private readonly IReadOnlyList<object?>? _order;
    private readonly Type _graphType;
    private readonly QueryLimitOptions _limits;
    private readonly Func<IQueryable<T>, IOrderedQueryable<T>>? _defaultOrder;
    private readonly Expression<Func<T, T>>? _selector;

    public ListQuery(
        IResolveFieldContext context,
        QueryLimitOptions limits,
        Type graphType,
        Projection.Shape shape,
        Func<IQueryable<T>, IOrderedQueryable<T>>? defaultOrder
    )
    {
        _graphType = graphType;
        _limits = limits;
        _defaultOrder = defaultOrder;
        _where = QueryArguments.WherePredicate<T>(context, limits);
        _order = WrittenSortOrder.Read(context);
        _selector = Projection.Selector<T>(context, graphType, shape);
    }

    public IQueryable<T> Apply(IQueryable<T> source, WelfareDbContext db)
    {
        var query = _where is null ? source : source.Where(_where);
        query =
            _order is { Count: > 0 }
                ? SortExpressionBuilder.Apply(query, _order, _graphType, PersianCollation.For(db), _limits.MaxSortFields)
            : _defaultOrder is null ? SortExpressionBuilder.ThenByKey(query, ordered: false)
            : SortExpressionBuilder.ThenByKey(_defaultOrder(query));
        return _selector is null ? query : query.Select(_selector);
    }
}

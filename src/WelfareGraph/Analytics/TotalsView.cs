using GraphQL.Types;

namespace WelfareGraph.Analytics;

/// <summary>An answer of grouped totals (contributions, centres): the whole filtered set and its groups.</summary>
public sealed record TotalsView(AnalyticsRow Total, IReadOnlyList<AnalyticsRow> Groups);

internal static class TotalsViewFields
{
    /// <summary><c>total</c> and <c>groups</c>, as rows of <typeparamref name="TTotal"/> and <typeparamref name="TGroup"/>.</summary>
    public static void AddTotalAndGroups<TTotal, TGroup>(
        this ObjectGraphType<TotalsView> type,
        string? totalDescription = null,
        string? groupsDescription = null
    )
        where TTotal : IGraphType
        where TGroup : IGraphType
    {
        type.Field<NonNullGraphType<TTotal>>("total").Description(totalDescription).Resolve(ctx => ctx.Source.Total);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGroup>>>>("groups")
            .Description(groupsDescription)
            .Resolve(ctx => ctx.Source.Groups);
    }
}

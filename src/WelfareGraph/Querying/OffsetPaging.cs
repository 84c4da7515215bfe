using GraphQL;
using GraphQL.Types;
using WelfareGraph.Data;

namespace WelfareGraph.Querying;

/// <summary>One page of offset paging (<c>skip take</c>), HotChocolate's <c>{Field}CollectionSegment</c>.</summary>
public sealed record CollectionSegment<T>(
    IReadOnlyList<T> Items,
    CollectionSegmentInfo PageInfo,
    Func<CancellationToken, Task<int>> CountTotal
);

public sealed record CollectionSegmentInfo(bool HasNextPage, bool HasPreviousPage);

public static class OffsetPaging
{
    public static async Task<CollectionSegment<T>> ToSegmentAsync<T>(
        this IResolveFieldContext context,
        ListReading reading,
        Func<WelfareDbContext, IQueryable<T>> query
    )
    {
        var limits = reading.Paging;
        var skip = context.GetArgument<int?>("skip") ?? 0;
        var take = context.GetArgument<int?>("take") ?? limits.DefaultPageSize;
        if (skip < 0)
            throw PagingErrors.Negative("skip", skip);
        Paging.CheckSize(take, "take", limits);

        await using var db = reading.Contexts.CreateDbContext();
        var rows =
            take == 0 || !Selections.Selects(context, "items", "pageInfo")
                ? []
                : await query(db).Skip(skip).Take(take + 1).ToListAsync(context.CancellationToken);
        return new CollectionSegment<T>(
            rows.Take(take).ToList(),
            new CollectionSegmentInfo(rows.Count > take, skip > 0),
            Paging.CountLater(reading.Contexts, query)
        );
    }
}

public sealed class CollectionSegmentGraphType<TNode, TNodeGraphType> : ObjectGraphType<CollectionSegment<TNode>>
    where TNodeGraphType : IGraphType
{
    public CollectionSegmentGraphType(string fieldName)
    {
        var node = ConnectionGraphType<TNode, TNodeGraphType>.NodeName<TNodeGraphType>();
        Name = PagedTypeNames.CollectionSegment(fieldName);
        Description = $"A page of {node} items by offset.";
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("items").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<CollectionSegmentInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, over all pages (one COUNT query, run only when selected).")
            .ResolveAsync(async ctx => await ctx.Source.CountTotal(ctx.CancellationToken));
    }
}

public sealed class CollectionSegmentInfoGraphType : ObjectGraphType<CollectionSegmentInfo>
{
    public CollectionSegmentInfoGraphType()
    {
        Name = "CollectionSegmentInfo";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
    }
}

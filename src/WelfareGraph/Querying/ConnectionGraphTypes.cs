using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace WelfareGraph.Querying;

/// <summary><c>XConnection { edges nodes pageInfo totalCount }</c>, named as HotChocolate names it.</summary>
public sealed class ConnectionGraphType<TNode, TNodeGraphType> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = NodeName<TNodeGraphType>();
        Name = node + "Connection";
        Description = $"A page of {node} items.";
        Field<ListGraphType<NonNullGraphType<EdgeGraphType<TNode, TNodeGraphType>>>>("edges")
            .Description("The edges of this page: each node with its cursor.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("The nodes of this page.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, over all pages (one COUNT query, run only when selected).")
            .ResolveAsync(async ctx => await ctx.Source.CountTotal(ctx.CancellationToken));
    }

    internal static string NodeName<T>() => typeof(T).Name.Replace("GraphType", "", StringComparison.Ordinal);
}

public sealed class EdgeGraphType<TNode, TNodeGraphType> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = ConnectionGraphType<TNode, TNodeGraphType>.NodeName<TNodeGraphType>() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}

public static class ConnectionFieldExtensions
{
    /// <summary>Adds the paging arguments of a cursor connection.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first", "Returns the first n items.")
            .Argument<StringGraphType>("after", "Returns the items after this cursor.")
            .Argument<IntGraphType>("last", "Returns the last n items.")
            .Argument<StringGraphType>("before", "Returns the items before this cursor.");
}

using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace WelfareGraph.Querying;

/// <summary>
/// The one naming rule of paged types, HotChocolate 15's: the type is named after the FIELD, not the entity —
/// PascalCase(field) + <c>Connection</c> / <c>Edge</c> / <c>CollectionSegment</c>
/// (<c>contributions</c> → <c>ContributionsConnection</c>, <c>ContributionsEdge</c>;
/// <c>contributionsPage</c> → <c>ContributionsPageCollectionSegment</c>).
/// </summary>
public static class PagedTypeNames
{
    public static string Connection(string fieldName) => Pascal(fieldName) + "Connection";

    public static string Edge(string fieldName) => Pascal(fieldName) + "Edge";

    public static string CollectionSegment(string fieldName) => Pascal(fieldName) + "CollectionSegment";

    private static string Pascal(string fieldName) =>
        string.IsNullOrEmpty(fieldName)
            ? throw new ArgumentException("A paged field needs a name.", nameof(fieldName))
            : char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
}

/// <summary>
/// <c>{Field}Connection { edges nodes pageInfo totalCount }</c>, named after its field as HotChocolate names it.
/// One instance per paged field (<see cref="ConnectionFieldExtensions.ConnectionType"/>), so two fields paging
/// the same entity get distinct types.
/// </summary>
public sealed class ConnectionGraphType<TNode, TNodeGraphType> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType(string fieldName)
    {
        var node = NodeName<TNodeGraphType>();
        Name = PagedTypeNames.Connection(fieldName);
        Description = $"A page of {node} items.";
        Field("edges", new ListGraphType(new NonNullGraphType(new EdgeGraphType<TNode, TNodeGraphType>(fieldName))))
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
    public EdgeGraphType(string fieldName)
    {
        Name = PagedTypeNames.Edge(fieldName);
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
    /// <summary>
    /// Adds a cursor-paged field with its own <c>{Field}Connection</c> / <c>{Field}Edge</c> instances (GraphQL.NET
    /// needs one instance per type name, so the types cannot be shared between fields paging the same entity).
    /// Nullable, as HotChocolate declares paged fields: a page-size or cursor error nulls this field only, and the
    /// request's other fields keep their data.
    /// </summary>
    public static FieldBuilder<object?, object> ConnectionField<TNode, TNodeGraphType>(this ObjectGraphType root, string name)
        where TNodeGraphType : IGraphType => root.Field(name, new ConnectionGraphType<TNode, TNodeGraphType>(name));

    /// <summary>Adds an offset-paged field with its own <c>{Field}CollectionSegment</c> instance; nullable, as a connection is.</summary>
    public static FieldBuilder<object?, object> CollectionSegmentField<TNode, TNodeGraphType>(this ObjectGraphType root, string name)
        where TNodeGraphType : IGraphType => root.Field(name, new CollectionSegmentGraphType<TNode, TNodeGraphType>(name));

    /// <summary>Adds the paging arguments of a cursor connection.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", "Returns the first n items.")
            .Argument<StringGraphType>("after", "Returns the items after this cursor.")
            .Argument<IntGraphType>("last", "Returns the last n items.")
            .Argument<StringGraphType>("before", "Returns the items before this cursor.");
}

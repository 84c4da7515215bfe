using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using WelfareGraph.Data;

namespace WelfareGraph.Querying;

/// <summary>
/// Adds an entity's list fields to a root type, each with <c>where</c> and <c>order</c>: a cursor connection
/// (<c>contributions</c>) and an offset-paged segment (<c>contributionsPage</c>). Filter, sort, page and
/// projection all run in the database.
/// </summary>
public static class ListFields
{
    public static void AddListFields<T, TGraphType>(
        this ObjectGraphType root,
        string name,
        string description,
        Func<WelfareDbContext, IQueryable<T>> source,
        Func<IQueryable<T>, IOrderedQueryable<T>>? defaultOrder = null
    )
        where T : class
        where TGraphType : IComplexGraphType, new()
    {
        // What both fields read: the filter, order and projection of the request over the entity's rows.
        Func<WelfareDbContext, IQueryable<T>> Rows(IResolveFieldContext ctx, ListReading reading, Projection.Shape shape)
        {
            var list = new ListQuery<T>(ctx, reading.Limits, typeof(TGraphType), shape, defaultOrder);
            return db => list.Apply(source(db), db);
        }

        root.ConnectionField<T, TGraphType>(name)
            .Description(description)
            .PagingArguments()
            .FilterAndSortArguments<object?, object, TGraphType>()
            .Resolve()
            .WithService<ListReading>()
            .ResolveAsync(async (ctx, reading) => await ctx.ToConnectionAsync(reading, Rows(ctx, reading, Projection.Shape.Connection)));

        root.CollectionSegmentField<T, TGraphType>(name + "Page")
            .Description(description + " Offset paging.")
            .Argument<IntGraphType>("skip", "Items to skip.")
            .Argument<IntGraphType>("take", "Items to return.")
            .FilterAndSortArguments<object?, object, TGraphType>()
            .Resolve()
            .WithService<ListReading>()
            .ResolveAsync(async (ctx, reading) => await ctx.ToSegmentAsync(reading, Rows(ctx, reading, Projection.Shape.Segment)));
    }
}

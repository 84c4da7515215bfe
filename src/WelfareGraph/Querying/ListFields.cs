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
        root.ConnectionField<T, TGraphType>(name)
            .Description(description)
            .PagingArguments()
            .FilterAndSortArguments<object?, object, TGraphType>()
            .Resolve()
            .WithService<ListReading>()
            .ResolveAsync(
                async (ctx, reading) =>
                {
                    var list = new ListQuery<T>(ctx, reading.Limits, typeof(TGraphType), Projection.Shape.Connection, defaultOrder);
                    return await ctx.ToConnectionAsync(reading, db => list.Apply(source(db), db));
                }
            );

        root.CollectionSegmentField<T, TGraphType>(name + "Page")
            .Description(description + " Offset paging.")
            .Argument<IntGraphType>("skip", "Items to skip.")
            .Argument<IntGraphType>("take", "Items to return.")
            .FilterAndSortArguments<object?, object, TGraphType>()
            .Resolve()
            .WithService<ListReading>()
            .ResolveAsync(
                async (ctx, reading) =>
                {
                    var list = new ListQuery<T>(ctx, reading.Limits, typeof(TGraphType), Projection.Shape.Segment, defaultOrder);
                    return await ctx.ToSegmentAsync(reading, db => list.Apply(source(db), db));
                }
            );
    }
}

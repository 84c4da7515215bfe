using GraphQL;
using WelfareGraph.Data;

namespace WelfareGraph.Querying;

/// <summary>
/// Cursor paging (<c>first after last before</c>) over an ordered IQueryable: the database returns one
/// page (plus one row to learn whether another page follows); <c>totalCount</c> runs only when asked for.
/// </summary>
public static class Paging
{
    public static async Task<Connection<T>> ToConnectionAsync<T>(
        this IResolveFieldContext context,
        ListReading reading,
        Func<WelfareDbContext, IQueryable<T>> query
    )
    {
        var limits = reading.Paging;
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        CheckSize(first, "first", limits);
        CheckSize(last, "last", limits);

        // HotChocolate 15's slicing, in its order: the range after `after` and before `before` (to the end of the list
        // when neither `first` nor `before` bounds it), cut to its first `first` rows, then to its last `last` rows.
        // Both may be given. `first: 0` reads one row all the same, so hasNextPage tells whether rows follow.
        // In long, then capped: the row after the largest index a cursor can name lies past every list; in int it
        // wrapped to int.MinValue, which the database read as offset 0 — the first page again, for ever.
        if (first is null && last is null)
            first = limits.DefaultPageSize;
        long start = after is null ? 0 : Cursor.Decode(after, "after") + 1L;
        long? end = before is null ? null : Cursor.Decode(before, "before");
        var cancellationToken = context.CancellationToken;

        // A query that asks only for totalCount reads no rows at all (nor counts them here).
        var readsRows = Selections.Selects(context, "nodes", "edges", "pageInfo");
        await using var db = reading.Contexts.CreateDbContext();
        if (first is not null)
            end = Math.Min(end ?? long.MaxValue, start + first.Value);
        else
            end ??= readsRows ? await query(db).CountAsync(cancellationToken) : 0;
        if (last is not null)
            start = Math.Max(start, end.Value - last.Value);
        var take = (int)Math.Clamp(end.Value - start, 0, int.MaxValue - 1);
        var skip = (int)Math.Min(start, int.MaxValue);

        // One extra row tells whether a next page exists without counting the table.
        var rows = !readsRows ? [] : await query(db).Skip(skip).Take(take + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > take;
        var edges = rows.Take(take).Select((node, i) => new Edge<T>(Cursor.Encode(skip + i), node)).ToList();
        var pageInfo = new PageInfo(hasNext, skip > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);

        return new Connection<T>(edges, pageInfo, CountLater(reading.Contexts, query));
    }

    /// <summary>The COUNT behind <c>totalCount</c>, run on a context of its own only if the field is resolved.</summary>
    internal static Func<CancellationToken, Task<int>> CountLater<T>(
        IDbContextFactory<WelfareDbContext> factory,
        Func<WelfareDbContext, IQueryable<T>> query
    ) =>
        async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await query(db).CountAsync(ct);
        };

    /// <summary>A page size (<c>first</c>, <c>last</c>, <c>take</c>) that is not negative and not above the maximum.</summary>
    internal static void CheckSize(int? size, string argument, PagingOptions limits)
    {
        if (size is < 0)
            throw PagingErrors.Negative(argument, size.Value);
        if (size > limits.MaxPageSize)
            throw PagingErrors.PageSizeTooLarge(argument, size.Value, limits.MaxPageSize);
    }
}

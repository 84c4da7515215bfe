using GraphQL;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Data;
using WelfareGraph.Schema;

namespace WelfareGraph.Querying;

/// <summary>
/// Cursor paging (<c>first after last before</c>) over an ordered IQueryable: the database returns one
/// page (plus one row to learn whether another page follows); <c>totalCount</c> runs only when asked for.
/// </summary>
public static class Paging
{
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IResolveFieldContext context,
        Func<WelfareDbContext, IQueryable<T>> query)
    {
        var limits = context.Service<PagingOptions>();
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        CheckSize(first, "first", limits);
        CheckSize(last, "last", limits);
        if (first is not null && last is not null)
            throw new ExecutionError("Pass either `first` or `last`, not both.") { Code = "INVALID_PAGING" };

        // In long, then capped: the row after the largest index a cursor can name lies past every list; in int it
        // wrapped to int.MinValue, which the database read as offset 0 — the first page again, for ever.
        var start = after is null ? 0 : (int)Math.Min(Cursor.Decode(after, "after") + 1L, int.MaxValue);
        int? end = before is null ? null : Cursor.Decode(before, "before");
        var cancellationToken = context.CancellationToken;

        await using var db = context.CreateDbContext();
        int take;
        if (last is not null)
        {
            end ??= await query(db).CountAsync(cancellationToken);
            take = Math.Min(last.Value, Math.Max(0, end.Value - start));
            start = Math.Max(start, end.Value - last.Value);
        }
        else
        {
            take = first ?? limits.DefaultPageSize;
            if (end is not null) take = Math.Min(take, Math.Max(0, end.Value - start));
        }

        // One extra row tells whether a next page exists without counting the table. A query that asks
        // only for totalCount reads no rows at all.
        var rows = take == 0 || !Selections.Selects(context, "nodes", "edges", "pageInfo") ? [] : await query(db).Skip(start).Take(take + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > take;
        var edges = rows.Take(take).Select((node, i) => new Edge<T>(Cursor.Encode(start + i), node)).ToList();
        var pageInfo = new PageInfo(hasNext, start > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);

        return new Connection<T>(edges, pageInfo, CountLater(context, query));
    }

    /// <summary>The COUNT behind <c>totalCount</c>, run on a context of its own only if the field is resolved.</summary>
    internal static Func<CancellationToken, Task<int>> CountLater<T>(IResolveFieldContext context, Func<WelfareDbContext, IQueryable<T>> query)
    {
        var factory = context.Service<IDbContextFactory<WelfareDbContext>>();
        return async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await query(db).CountAsync(ct);
        };
    }

    /// <summary>A page size (<c>first</c>, <c>last</c>, <c>take</c>) that is not negative and not above the maximum.</summary>
    internal static void CheckSize(int? size, string argument, PagingOptions limits)
    {
        if (size is < 0)
            throw PagingErrors.Negative(argument, size.Value);
        if (size > limits.MaxPageSize)
            throw PagingErrors.PageSizeTooLarge(argument, size.Value, limits.MaxPageSize);
    }
}

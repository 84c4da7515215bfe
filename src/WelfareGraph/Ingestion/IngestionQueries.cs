using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

/// <summary>The read side of integration: change feeds, published reports, closed periods.</summary>
public static class IngestionQueries
{
    private const int MaxChanges = 1_000;

    public static void AddIngestionQueries(this ObjectGraphType query)
    {
        ChangeFeed<Contribution, ContributionGraphType>(
            query,
            "contributionChanges",
            FeedEntity.Contribution,
            async (db, entries, ct) =>
            {
                var rows = new Dictionary<(string, string), Contribution>();
                foreach (var source in entries.GroupBy(e => e.SourceSystem))
                {
                    var keys = source.Select(e => e.Key).Distinct().ToList();
                    foreach (
                        var row in await db
                            .Contributions.IgnoreQueryFilters([ContributionFilters.NotRetracted])
                            .Include(c => c.County)
                            .Where(c => c.SourceSystem == source.Key && keys.Contains(c.ExternalId))
                            .ToListAsync(ct)
                    )
                        rows[(row.SourceSystem, row.ExternalId)] = row;
                }
                return e => rows.GetValueOrDefault((e.SourceSystem, e.Key));
            }
        );
        ChangeFeed<Household, HouseholdGraphType>(
            query,
            "householdChanges",
            FeedEntity.Household,
            ByKey((db, keys) => db.Households.Include(h => h.County).Where(h => keys.Contains(h.Pseudonym)), h => h.Pseudonym)
        );
        ChangeFeed<Center, CenterGraphType>(
            query,
            "centerChanges",
            FeedEntity.Center,
            ByKey((db, keys) => db.Centers.Include(c => c.County).Where(c => keys.Contains(c.Code)), c => c.Code)
        );

        query
            .Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublishedReportGraphType>>>>("publishedReports")
            .Description("Statements as they were published, newest first.")
            .Argument<StringGraphType>("province")
            .ResolveOnOwnContext(
                async (ctx, db) =>
                {
                    var province = ctx.GetArgument<string?>("province");
                    return await db
                        .PublishedReports.Where(r => province == null || db.Provinces.Any(p => p.Id == r.ProvinceId && p.Code == province))
                        .OrderByDescending(r => r.PublishedAt)
                        .ThenByDescending(r => r.Id)
                        .Take(200)
                        .ToListAsync(ctx.CancellationToken);
                }
            );

        query
            .Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosedPeriodGraphType>>>>("closedPeriods")
            .Argument<NonNullGraphType<StringGraphType>>("province")
            .ResolveOnOwnContext(
                async (ctx, db) =>
                {
                    var province = ctx.GetArgument<string>("province");
                    return await db
                        .ClosedPeriods.Where(c => db.Provinces.Any(p => p.Id == c.ProvinceId && p.Code == province))
                        .OrderBy(c => c.Year)
                        .ThenBy(c => c.Month)
                        .ToListAsync(ctx.CancellationToken);
                }
            );
    }

    /// <summary>The records of a page of a feed whose entries name their record by its key alone (not by source system).</summary>
    private static Func<WelfareDbContext, IReadOnlyList<FeedEntry>, CancellationToken, Task<Func<FeedEntry, T?>>> ByKey<T>(
        Func<WelfareDbContext, List<string>, IQueryable<T>> withKeys,
        Func<T, string> key
    )
        where T : class =>
        async (db, entries, ct) =>
        {
            var rows = await withKeys(db, entries.Select(e => e.Key).Distinct().ToList()).ToDictionaryAsync(key, ct);
            return e => rows.GetValueOrDefault(e.Key);
        };

    /// <summary>
    /// Changes after a sequence, in commit order. Sequences are handed out at commit (see FeedClock), so the
    /// last sequence a reader saw is a safe place to resume: nothing can appear before it later.
    /// </summary>
    private static void ChangeFeed<T, TGraphType>(
        ObjectGraphType query,
        string name,
        FeedEntity entity,
        Func<WelfareDbContext, IReadOnlyList<FeedEntry>, CancellationToken, Task<Func<FeedEntry, T?>>> load
    )
        where TGraphType : IGraphType =>
        query
            .Field<NonNullGraphType<ChangePageGraphType<T, TGraphType>>>(name)
            .Description(
                "Inserts, updates and retractions in commit order; "
                    + $"resume with `after` = the last `endCursor`. At most {MaxChanges} per page."
            )
            .Argument<StringGraphType>("after", "The endCursor of the previous page; omit to start from the beginning.")
            .Argument<IntGraphType>("first", "How many changes (default 100).")
            .ResolveOnOwnContext(
                async (ctx, db) =>
                {
                    var first = ctx.GetArgument<int?>("first") ?? 100;
                    if (first < 0)
                        throw PagingErrors.Negative("first", first);
                    if (first > MaxChanges)
                        throw PagingErrors.PageSizeTooLarge("first", first, MaxChanges);
                    var after = ctx.GetArgument<string?>("after") is { } cursor
                        ? long.TryParse(cursor, out var parsed) && parsed >= 0
                            ? parsed
                            : throw PagingErrors.Cursor("after", cursor)
                        : 0;
                    var entries = await db
                        .ChangeFeed.Where(f => f.Entity == entity && f.Sequence > after)
                        .OrderBy(f => f.Sequence)
                        .Take(first + 1)
                        .ToListAsync(ctx.CancellationToken);
                    var page = entries.Take(first).ToList();
                    var records = await load(db, page, ctx.CancellationToken);
                    return new ChangePage<T>(
                        page.Select(e => new Change<T>(e, records(e))).ToList(),
                        entries.Count > first,
                        page.Count == 0 ? null : page[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    );
                }
            );
}

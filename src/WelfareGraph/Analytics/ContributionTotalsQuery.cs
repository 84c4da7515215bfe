using GraphQL;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>The figures of one <c>contributionTotals</c> field: the total, the groups, in rial, in their final order.</summary>
public sealed record TotalsResult(GroupRow Total, IReadOnlyList<GroupRow> Groups);

/// <summary>
/// The contribution totals engine. One GROUP BY over the filtered rows (the monthly rollup's cells when they give
/// the same answer, else the facts: <see cref="ContributionSource"/>) gives the groups (with HAVING,
/// ORDER BY and LIMIT in SQL when those need nothing computed afterwards); the total is the sum of the
/// groups when they cover the whole set, else one aggregate query; a comparison is one more GROUP BY over
/// the comparison period. Subtotals, gap rows, shares and growth are arithmetic on those grouped rows —
/// fact rows never leave the database.
/// </summary>
public static class ContributionTotalsQuery
{
    public static async Task<TotalsResult> RunAsync(
        ContributionSource source,
        ContributionTotalsRequest request,
        int maxGroups,
        CancellationToken cancellationToken
    )
    {
        var slots = request.Slots;
        var having = MeasureFilter.Build(request.Having, request.Unit);
        var afterSql =
            request.Rollup
            || request.FillGaps
            || MeasureFilter.NeedsComputedMeasures(request.Having)
            || GroupOrder.NeedsComputedMeasures(request.Order);
        var main = Plan(request, request.Period);
        List<GroupRow> rows;
        GroupRow total;
        if (!afterSql)
        {
            rows = main.Complete(await GroupQuery(source, request, maxGroups).ToListAsync(cancellationToken), maxGroups);
            if (SortsAfterSql(request))
                rows = GroupOrder.ByKeys(rows, slots, main.ConstantSlot);
            var complete = having is null && (request.First is null || rows.Count < request.First);
            total =
                complete || !request.NeedsTotal
                    ? Rollup.Combine(rows, new GroupRow())
                    : (await main.Total().Group(source, request.Period).ToListAsync(cancellationToken)).FirstOrDefault() ?? new GroupRow();
        }
        else
        {
            // No ORDER BY: Arrange sorts these rows (with the ones only computed here) anyway.
            rows = main.Complete(await main.Group(source, request.Period).Take(maxGroups + 1).ToListAsync(cancellationToken), maxGroups);
            total = Rollup.Combine(rows, new GroupRow());
        }
        total.Subtotal = true;
        if (afterSql && request.FillGaps)
            rows = GapFiller.Fill(rows, slots, request.Period);
        // After the gaps are filled: a gap row is a leaf like any other, not the grand total (level 0).
        foreach (var row in rows)
            row.Level = request.Levels.Count;
        var all = afterSql && request.Rollup ? rows.Concat(Rollup.Subtotals(rows, request.Levels)).ToList() : rows;

        if (request.CompareTo is { } compareTo)
        {
            if (request.Period is null)
                throw new ExecutionError("`compareTo` needs a `period` to compare with.") { Code = "INVALID_COMPARISON" };
            var comparison = ComparisonPeriod.For(request.Period, compareTo);
            var plan = Plan(request with { Order = [], Having = null, NeedsMin = false, NeedsMax = false }, comparison.Period);
            var compared = plan.Complete(
                await plan.Group(source, comparison.Period).Take(maxGroups + 1).ToListAsync(cancellationToken),
                maxGroups
            );
            Compare(all, total, compared, comparison, request);
        }

        foreach (var row in all.Append(total))
        {
            row.Share = total.Sum == 0 ? null : (decimal)row.Sum / total.Sum;
            row.Growth = row.ComparisonSum is null or 0 ? null : (decimal)(row.Sum - row.ComparisonSum.Value) / row.ComparisonSum.Value;
        }
        var groups = afterSql ? Arrange(all, request, having?.Compile()) : rows;
        return new TotalsResult(total, groups);
    }

    /// <summary>
    /// The main GROUP BY as the engine sends it when nothing is computed after SQL (the tests and the benchmark inspect it).
    /// </summary>
    public static IQueryable<GroupRow> GroupQuery(ContributionSource source, ContributionTotalsRequest request, int maxGroups)
    {
        var plan = Plan(request, request.Period);
        return Limited(plan.Group(source, request.Period), request, plan, MeasureFilter.Build(request.Having, request.Unit), maxGroups);
    }

    /// <summary>HAVING, then ORDER BY and LIMIT for a top N or an explicit order; otherwise only a bound on the groups.</summary>
    private static IQueryable<GroupRow> Limited(
        IQueryable<GroupRow> grouped,
        ContributionTotalsRequest request,
        GroupingPlan plan,
        System.Linq.Expressions.Expression<Func<GroupRow, bool>>? having,
        int maxGroups
    )
    {
        if (having is not null)
            grouped = grouped.Where(having);
        return SortsAfterSql(request)
            ? grouped.Take(maxGroups + 1)
            : GroupOrder.Apply(grouped, request.Order, request.Slots, plan.ConstantSlot).Take(request.First ?? maxGroups + 1);
    }

    /// <summary>
    /// Every group is returned in the default order (by the keys): an ORDER BY would make PostgreSQL sort in
    /// each worker and merge before aggregating, where sorting the finished groups (at most maxGroups) costs
    /// almost nothing. A top N or an explicit order stays in SQL.
    /// </summary>
    private static bool SortsAfterSql(ContributionTotalsRequest request) => request.Order.Count == 0 && request.First is null;

    private static void Compare(
        List<GroupRow> rows,
        GroupRow total,
        List<GroupRow> compared,
        ComparisonPeriod comparison,
        ContributionTotalsRequest request
    )
    {
        var levels = request.Levels;
        var comparedTotal = Rollup.Combine(compared, new GroupRow());
        (total.ComparisonSum, total.ComparisonCount) = (comparedTotal.Sum, comparedTotal.Count);

        // Subtotals compare with the comparison's own subtotals: a county with rows last year only still counts there.
        var byLevel = new Dictionary<(int, string), GroupRow>();
        foreach (var row in compared)
            byLevel[(levels.Count, Slots.Signature(row, request.Slots))] = row;
        if (request.Rollup)
            foreach (var row in Rollup.Subtotals(compared, levels))
                byLevel[(row.Level, Slots.Signature(row, Rollup.Kept(levels, row.Level)))] = row;

        foreach (var row in rows)
        {
            var kept = Rollup.Kept(levels, row.Level);
            if (comparison.Counterpart(row, kept) is not { } counterpart)
                continue;
            var match = byLevel.GetValueOrDefault((row.Level, Slots.Signature(counterpart, kept)));
            (row.ComparisonSum, row.ComparisonCount) = (match?.Sum ?? 0, match?.Count ?? 0);
        }
    }

    /// <summary>
    /// HAVING, ORDER BY and LIMIT over rows that exist only after SQL. With rollup, siblings sort among
    /// themselves, each subtotal follows its children, the grand total comes last, and <c>first</c> keeps
    /// that many leading-key branches.
    /// </summary>
    private static List<GroupRow> Arrange(List<GroupRow> rows, ContributionTotalsRequest request, Func<GroupRow, bool>? having)
    {
        bool Keep(GroupRow row) => having is null || having(row);
        List<GroupRow> Sorted(IEnumerable<GroupRow> candidates) =>
            GroupOrder.Apply(candidates.AsQueryable(), request.Order, request.Slots).ToList();

        var levels = request.Levels;
        if (!request.Rollup || levels.Count == 0)
        {
            var sorted = Sorted(rows.Where(Keep));
            return request.First is { } first ? sorted.Take(first).ToList() : sorted;
        }

        var result = new List<GroupRow>();
        // Sorted once: the lookup keeps that order within each parent's children.
        var kept = Enumerable.Range(0, levels.Count + 1).Select(level => Rollup.Kept(levels, level)).ToList();
        var byParent = Sorted(rows).ToLookup(r => (r.Level, Slots.Signature(r, kept[Math.Max(0, r.Level - 1)])));
        void Emit(int level, string parent)
        {
            var siblings = byParent[(level, parent)].ToList();
            if (level == 1 && request.First is { } first)
                siblings = siblings.Take(first).ToList();
            foreach (var row in siblings)
            {
                if (level < levels.Count)
                    Emit(level + 1, Slots.Signature(row, kept[level]));
                if (Keep(row))
                    result.Add(row);
            }
        }
        Emit(1, "");
        result.AddRange(rows.Where(r => r.Level == 0 && Keep(r)));
        return result;
    }

    private static GroupingPlan Plan(ContributionTotalsRequest request, ResolvedPeriod? period)
    {
        var slots = request.Slots;
        // Within one Solar Hijri year the year is a constant: grouping by it would only add a SQL column.
        int? constantYear = slots.Contains(Slot.Year) ? PeriodMath.SingleYear(period) : null;
        return new GroupingPlan(
            slots.Where(s => constantYear is null || s != Slot.Year).OrderBy(SlicingIndexRank).ToList(),
            GroupOrder.CodeSlots(request.Order).Where(slots.Contains).ToList(),
            constantYear,
            request.NeedsMin,
            request.NeedsMax
        );
    }

    // GROUP BY lists its columns in the slicing index's order (year, month, county, type, sector): the order
    // of GROUP BY columns changes no result, and PostgreSQL aggregates the index's rows with less work.
    private static readonly Slot[] SlicingIndexOrder = [Slot.Year, Slot.Month, Slot.County, Slot.Type, Slot.Sector];

    private static int SlicingIndexRank(Slot slot) =>
        Array.IndexOf(SlicingIndexOrder, slot) is >= 0 and var rank ? rank : SlicingIndexOrder.Length + (int)slot;

    private sealed record GroupingPlan(List<Slot> SqlSlots, List<Slot> CodeSlots, int? ConstantYear, bool Min, bool Max)
    {
        public Slot? ConstantSlot => ConstantYear is null ? null : Slot.Year;

        public IQueryable<GroupRow> Group(ContributionSource source, ResolvedPeriod? period) =>
            source.Group(period, SqlSlots, CodeSlots, Min, Max);

        public GroupingPlan Total() => this with { SqlSlots = [], CodeSlots = [], ConstantYear = null };

        public List<GroupRow> Complete(List<GroupRow> rows, int maxGroups)
        {
            if (rows.Count > maxGroups)
                throw new ExecutionError(
                    $"The grouping gives more than {maxGroups} groups: filter, group by fewer dimensions or use `first`."
                )
                {
                    Code = "TOO_MANY_GROUPS",
                };
            if (ConstantYear is { } year)
                foreach (var row in rows)
                    row.Year = year;
            return rows;
        }
    }
}

using System.Collections;
using GraphQL;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Querying.Sorting;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Analytics;

internal static class ContributionTotalsResolver
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, AnalyticsReading reading)
    {
        var selection = SelectionTree.Of(context);
        var having = context.GetArgument<object?>("having") as IDictionary<string, object?>;
        var order = Order(context);
        var first = context.GetArgument<int?>("first");
        if (first is < 0)
            throw new ExecutionError("`first` must not be negative.") { Code = "INVALID_PAGING" };
        bool Needs(string measure) =>
            selection.Has("total." + measure)
            || selection.Has("groups." + measure)
            || MeasureFilter.Mentions(having, measure)
            || order.Any(o => o.Field == measure);

        var request = new ContributionTotalsRequest
        {
            GroupBy = context.GetArgument<List<ContributionDimension>?>("groupBy") ?? [],
            Period = Period(context, reading.Clock),
            Having = having,
            Order = order,
            First = first,
            Unit = context.GetArgument("unit", MoneyUnit.Toman),
            CompareTo = context.GetArgument<Comparison?>("compareTo"),
            Rollup = context.GetArgument("rollup", false),
            FillGaps = context.GetArgument("fillGaps", false),
            NeedsMin = Needs("min"),
            NeedsMax = Needs("max"),
            NeedsTotal = selection.Has("total") || selection.Has("groups.share") || MeasureFilter.Mentions(having, "share"),
        };
        var options = reading.Options;
        await using var db = reading.Contexts.CreateDbContext();
        var where = QueryArguments.WherePredicate<Contributions.Contribution>(context, reading.Limits);
        var source = new ContributionSource(db, where, options.UseRollups);
        var totals = ContributionTotalsQuery.RunAsync(source, request, options.MaxGroups, context.CancellationToken);
        var places = KeyEntities.LoadPlacesAsync(
            reading.Contexts.CreateDbContext,
            request.GroupBy.Contains(ContributionDimension.Province),
            request.GroupBy.Contains(ContributionDimension.County),
            selection,
            "groups.key",
            context.CancellationToken
        );
        await Task.WhenAll(totals, places); // both finish, whichever fails, before their contexts go
        var result = await totals;
        OperationFacts.Of(context.UserContext)?.AddSources(source.Used);
        var keys = await KeyEntities.LoadAsync(db, result.Groups, selection, "groups.key", context.CancellationToken, await places);
        return new TotalsView(
            new AnalyticsRow(result.Total, KeyEntities.None) { Unit = request.Unit },
            result.Groups.Select(g => new AnalyticsRow(g, keys) { Unit = request.Unit }).ToList()
        );
    }

    private static List<GroupSort> Order(IResolveFieldContext context) =>
        context.GetArgument<object?>("order") is IEnumerable items
            ? items
                .OfType<IDictionary<string, object?>>()
                .SelectMany(item => item.Where(p => p.Value is not null).Select(p => new GroupSort(p.Key, (SortDirection)p.Value!)))
                .ToList()
            : [];

    public static ResolvedPeriod? Period(IResolveFieldContext context, TimeProvider clock) =>
        context.GetArgument<PeriodInput?>("period") is { } input ? PeriodResolver.Resolve(input, clock) : null;
}

internal static class HouseholdTotalsResolver
{
    // Conditions on these select whole county × benefit cells, the granularity suppression works at.
    private static readonly HashSet<string> AllowedFilters = ["county", "benefit", "and", "or"];

    public static async Task<object?> ResolveAsync(IResolveFieldContext context, AnalyticsReading reading)
    {
        CheckFilter(context.GetArgument<object?>("where") as IDictionary<string, object?>);
        var asOf = context.GetArgument<DateOnly?>("asOf");
        var period = ContributionTotalsResolver.Period(context, reading.Clock);
        if (asOf is not null && period is not null)
            throw new ExecutionError("Give either `asOf` or `period`: households are counted on one day.") { Code = "INVALID_PERIOD" };
        var day = HouseholdTotalsQuery.CountingDay(asOf, period, reading.Clock);

        await using var db = reading.Contexts.CreateDbContext();
        var result = await HouseholdTotalsQuery.RunAsync(
            db,
            db.Households.ApplyWhere(context, reading.Limits),
            context.GetArgument<List<HouseholdDimension>?>("groupBy") ?? [],
            day,
            reading.Options.SuppressionThreshold,
            context.CancellationToken
        );
        var keys = await KeyEntities.LoadAsync(
            db,
            result.Groups.Select(g => g.Key),
            SelectionTree.Of(context),
            "groups.key",
            context.CancellationToken
        );
        return new HouseholdTotalsView(result, keys);
    }

    private static void CheckFilter(IDictionary<string, object?>? where)
    {
        if (where is null)
            return;
        foreach (var (name, value) in where)
        {
            if (!AllowedFilters.Contains(name))
                throw new ExecutionError(
                    $"`householdTotals` filters only on `county` and `benefit`: a condition on `{name}` could single out households."
                )
                {
                    Code = "FILTER_NOT_ALLOWED",
                };
            if (name is "and" or "or" && value is IEnumerable items)
                foreach (var item in items.OfType<IDictionary<string, object?>>())
                    CheckFilter(item);
        }
    }
}

internal static class CenterTotalsResolver
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, AnalyticsReading reading)
    {
        await using var db = reading.Contexts.CreateDbContext();
        var (total, groups) = await CenterTotalsQuery.RunAsync(
            db.Centers.ApplyWhere(context, reading.Limits),
            context.GetArgument<List<CenterDimension>?>("groupBy") ?? [],
            context.CancellationToken
        );
        var keys = await KeyEntities.LoadAsync(db, groups, SelectionTree.Of(context), "groups.key", context.CancellationToken);
        return new TotalsView(new AnalyticsRow(total, KeyEntities.None), groups.Select(g => new AnalyticsRow(g, keys)).ToList());
    }
}

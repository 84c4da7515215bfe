using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Querying.Filtering;

namespace WelfareGraph.Analytics;

/// <summary>The analytics root fields (participationReport, contributionTotals, householdTotals, centerTotals).</summary>
public static class AnalyticsFields
{
    public static void AddAnalyticsFields(this ObjectGraphType query)
    {
        query
            .Field<NonNullGraphType<ParticipationReportGraphType>>("participationReport")
            .Description("The public-participation statement of a province for a period, as provinces publish it.")
            .Argument<NonNullGraphType<StringGraphType>>("province", "Province code, e.g. IR-19.")
            .Argument<NonNullGraphType<PeriodInputGraphType>>("period")
            .Argument<MoneyUnitGraphType>("unit", "Unit of the money figures.", a => a.DefaultValue = MoneyUnit.Toman)
            .ResolveWithReading(ParticipationReportQuery.ResolveAsync);

        query
            .Field<NonNullGraphType<ContributionTotalsGraphType>>("contributionTotals")
            .Description(
                "Contribution totals grouped by any dimensions and Solar Hijri periods, "
                    + "with comparisons, rollup and gaps filled — one SQL GROUP BY."
            )
            .Argument<FilterInputGraphType<ContributionGraphType>>("where", "Which contributions count.")
            .Argument<PeriodInputGraphType>("period", "Only contributions dated in this period.")
            .Argument<ListGraphType<NonNullGraphType<ContributionDimensionGraphType>>>(
                "groupBy",
                "Keys to group by, in order (rollup subtotals follow it)."
            )
            .Argument<ContributionMeasureFilterInputGraphType>("having", "Conditions on the groups' measures, in `unit`.")
            .Argument<ListGraphType<NonNullGraphType<ContributionGroupSortInputGraphType>>>(
                "order",
                "Sort keys of the groups; the group keys break ties."
            )
            .Argument<IntGraphType>("first", "Only the first n groups (with rollup: n leading-key branches).")
            .Argument<MoneyUnitGraphType>("unit", "Unit of money measures and `having`.", a => a.DefaultValue = MoneyUnit.Toman)
            .Argument<ComparisonGraphType>("compareTo", "Adds `comparison` and `growth` against this period.")
            .Argument<BooleanGraphType>("rollup", "Adds subtotal rows per leading key and a grand total.", a => a.DefaultValue = false)
            .Argument<BooleanGraphType>(
                "fillGaps",
                "Adds zero rows for years, quarters and months of the period without contributions.",
                a => a.DefaultValue = false
            )
            .ResolveWithReading(ContributionTotalsResolver.ResolveAsync);

        query
            .Field<NonNullGraphType<HouseholdTotalsGraphType>>("householdTotals")
            .Description("Covered households on a day by province, county and benefit, with small-cell suppression.")
            .Argument<FilterInputGraphType<HouseholdGraphType>>(
                "where",
                "Which households count; only `county` and `benefit` conditions (finer ones could single households out)."
            )
            .Argument<ListGraphType<NonNullGraphType<HouseholdDimensionGraphType>>>("groupBy")
            .Argument<DateScalar>("asOf", "The day to count on (default: the end of `period`, else today in Tehran).")
            .Argument<PeriodInputGraphType>("period", "Count on the last day of this period.")
            .ResolveWithReading(HouseholdTotalsResolver.ResolveAsync);

        query
            .Field<NonNullGraphType<CenterTotalsGraphType>>("centerTotals")
            .Description("Care centres, places, residents and occupancy by province, county, kind and ownership.")
            .Argument<FilterInputGraphType<CenterGraphType>>("where")
            .Argument<ListGraphType<NonNullGraphType<CenterDimensionGraphType>>>("groupBy")
            .ResolveWithReading(CenterTotalsResolver.ResolveAsync);
    }

    /// <summary>Every analytics field resolves with what <see cref="AnalyticsReading"/> holds, handed to it by GraphQL.NET.</summary>
    private static FieldBuilder<object?, object> ResolveWithReading(
        this FieldBuilder<object?, object> field,
        Func<IResolveFieldContext, AnalyticsReading, Task<object?>> resolver
    ) => field.Resolve().WithService<AnalyticsReading>().ResolveAsync((ctx, reading) => resolver(ctx, reading));
}

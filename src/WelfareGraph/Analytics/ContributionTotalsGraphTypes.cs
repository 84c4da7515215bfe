using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>A grouped row on its way out: figures in rial until the fields convert them to the requested unit.</summary>
/// <summary>One row of totals as the API shows it: the group's figures, its key entities, and for money the unit asked for.</summary>
public sealed record AnalyticsRow(GroupRow Row, KeyEntities Keys)
{
    /// <summary>The unit money is shown in; only contribution totals have money, so only they set it.</summary>
    public MoneyUnit? Unit { get; init; }

    public decimal Money(long rial) => (Unit ?? throw new InvalidOperationException("These totals carry no money.")).FromRial(rial);

    public decimal? Money(long? rial) => rial is { } r ? Money(r) : null;
}

public sealed class ContributionTotalsGraphType : ObjectGraphType<TotalsView>
{
    public ContributionTotalsGraphType()
    {
        Name = "ContributionTotals";
        Description = "Contribution totals, summed by SQL from the fact rows.";
        this.AddTotalAndGroups<ContributionTotalGraphType, ContributionGroupGraphType>(
            "The whole filtered set (before `having` and `first`).",
            "One row per combination of the `groupBy` keys; with `rollup`, subtotal rows too."
        );
    }
}

public sealed class ContributionTotalGraphType() : TotalGraphType<AnalyticsRow>("ContributionTotal", ContributionMeasureFields.Add);

public sealed class ContributionGroupGraphType : GroupGraphType<AnalyticsRow, ContributionGroupKeyGraphType>
{
    public ContributionGroupGraphType()
        : base("ContributionGroup", ContributionMeasureFields.Add)
    {
        Field<FloatGraphType>("share")
            .Description("Fraction of the total sum (0.08, not 8).")
            .Resolve(ctx => (double?)ctx.Source.Row.Share);
        Field<NonNullGraphType<BooleanGraphType>>("subtotal")
            .Description("A rollup row: its trailing keys are null.")
            .Resolve(ctx => ctx.Source.Row.Subtotal);
    }
}

internal static class ContributionMeasureFields
{
    public static void Add(ObjectGraphType<AnalyticsRow> type)
    {
        type.Field<NonNullGraphType<DecimalGraphType>>("sum")
            .Description("In the requested unit.")
            .Resolve(ctx => ctx.Source.Money(ctx.Source.Row.Sum));
        type.Field<NonNullGraphType<IntGraphType>>("count")
            .Description("Contributions.")
            .Resolve(ctx => checked((int)ctx.Source.Row.Count));
        type.Field<DecimalGraphType>("average")
            .Description("Sum ÷ count, in the requested unit; null without contributions.")
            .Resolve(ctx => ctx.Source.Row.Count == 0 ? null : ctx.Source.Money(ctx.Source.Row.Sum) / ctx.Source.Row.Count);
        type.Field<DecimalGraphType>("min")
            .Description("The smallest contribution, in the requested unit.")
            .Resolve(ctx => ctx.Source.Money(ctx.Source.Row.Min));
        type.Field<DecimalGraphType>("max")
            .Description("The largest contribution, in the requested unit.")
            .Resolve(ctx => ctx.Source.Money(ctx.Source.Row.Max));
        type.Field<ContributionComparisonGraphType>("comparison")
            .Description("The same figures for the `compareTo` period; null without `compareTo`.")
            .Resolve(ctx => ctx.Source.Row.ComparisonSum is not null ? ctx.Source : null);
        type.Field<FloatGraphType>("growth")
            .Description("(sum − comparison sum) ÷ comparison sum, a fraction; null when the comparison is zero.")
            .Resolve(ctx => (double?)ctx.Source.Row.Growth);
    }
}

public sealed class ContributionComparisonGraphType : ObjectGraphType<AnalyticsRow>
{
    public ContributionComparisonGraphType()
    {
        Name = "ContributionComparison";
        Description = "Figures of the comparison period for the matching group.";
        Field<NonNullGraphType<DecimalGraphType>>("sum").Resolve(ctx => ctx.Source.Money(ctx.Source.Row.ComparisonSum ?? 0));
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => checked((int)(ctx.Source.Row.ComparisonCount ?? 0)));
    }
}

public sealed class ContributionGroupKeyGraphType : ObjectGraphType<AnalyticsRow>
{
    public ContributionGroupKeyGraphType()
    {
        Name = "ContributionGroupKey";
        Description = "The group's keys; those not in `groupBy` (and the trailing keys of a subtotal) are null.";
        Field<ProvinceGraphType>("province").Resolve(ctx => Entity(ctx.Source.Keys.Provinces, ctx.Source.Row.Province));
        Field<CountyGraphType>("county").Resolve(ctx => Entity(ctx.Source.Keys.Counties, ctx.Source.Row.County));
        Field<EnumerationGraphType<ContributionType>>("type").Resolve(ctx => ctx.Source.Row.Type);
        Field<EnumerationGraphType<Sector>>("sector").Resolve(ctx => ctx.Source.Row.Sector);
        Field<EnumerationGraphType<Intent>>("intent").Resolve(ctx => ctx.Source.Row.Intent);
        Field<EnumerationGraphType<Channel>>("channel").Resolve(ctx => ctx.Source.Row.Channel);
        Field<CenterGraphType>("center")
            .Description("Null also for contributions not made to a centre.")
            .Resolve(ctx => Entity(ctx.Source.Keys.Centers, ctx.Source.Row.Center));
        Field<CharityGraphType>("charity")
            .Description("Null also for contributions not collected by a charity.")
            .Resolve(ctx => Entity(ctx.Source.Keys.Charities, ctx.Source.Row.Charity));
        Field<IntGraphType>("year").Description("Solar Hijri year.").Resolve(ctx => ctx.Source.Row.Year);
        Field<IntGraphType>("quarter").Description("Solar Hijri quarter, 1 (spring) to 4 (winter).").Resolve(ctx => ctx.Source.Row.Quarter);
        Field<IntGraphType>("month").Description("Solar Hijri month, 1 (Farvardin) to 12 (Esfand).").Resolve(ctx => ctx.Source.Row.Month);
        Field<StringGraphType>("period")
            .Description("The calendar bucket: 1404-07 (a month), 1404-Q3 (a quarter) or 1404 (a year).")
            .Resolve(ctx => PeriodLabel(ctx.Source.Row));
        Field<StringGraphType>("monthNameFa")
            .Description("e.g. مهر")
            .Resolve(ctx => ctx.Source.Row.Month is { } m ? SolarMonthNames.Fa(m) : null);
        Field<StringGraphType>("monthNameEn")
            .Description("e.g. Mehr")
            .Resolve(ctx => ctx.Source.Row.Month is { } m ? SolarMonthNames.En(m) : null);
    }

    public static string? PeriodLabel(GroupKey key) =>
        key switch
        {
            { Year: { } y, Month: { } m } => $"{y}-{m:D2}",
            { Year: { } y, Quarter: { } q } => $"{y}-Q{q}",
            { Year: { } y } => $"{y}",
            _ => null,
        };

    private static T? Entity<T>(IReadOnlyDictionary<int, T> entities, int? id)
        where T : class => id is { } value ? entities.GetValueOrDefault(value) : null;
}

public sealed class ContributionDimensionGraphType : EnumerationGraphType<ContributionDimension>
{
    public ContributionDimensionGraphType()
    {
        Name = "ContributionDimension";
        Description =
            "A key to group contributions by. MONTH and QUARTER are buckets of a year; MONTH_OF_YEAR groups a month across years.";
    }
}

public sealed class ComparisonGraphType : EnumerationGraphType<Comparison>
{
    public ComparisonGraphType()
    {
        Name = "Comparison";
        Description = "The period a total is compared with.";
    }
}

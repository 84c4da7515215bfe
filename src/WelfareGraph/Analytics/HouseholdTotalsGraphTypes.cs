using GraphQL.Types;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

public sealed record HouseholdTotalsView(HouseholdTotalsResult Result, KeyEntities Keys);

public sealed record HouseholdCellView(HouseholdTotalsView Totals, HouseholdCell Cell);

public sealed class HouseholdTotalsGraphType : ObjectGraphType<HouseholdTotalsView>
{
    public HouseholdTotalsGraphType()
    {
        Name = "HouseholdTotals";
        Description =
            "Covered households on a day (a stock), with small-cell suppression: "
            + "no figure includes a county × benefit cell below the threshold.";
        Field<NonNullGraphType<DateScalar>>("asOf")
            .Description("The day the households were counted on.")
            .Resolve(ctx => ctx.Source.Result.AsOf);
        Field<NonNullGraphType<HouseholdTotalGraphType>>("total")
            .Resolve(ctx => new HouseholdCellView(ctx.Source, ctx.Source.Result.Total));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HouseholdGroupGraphType>>>>("groups")
            .Resolve(ctx => ctx.Source.Result.Groups.Select(g => new HouseholdCellView(ctx.Source, g)));
    }
}

internal static class HouseholdCellFields
{
    public static void Add(ObjectGraphType<HouseholdCellView> type)
    {
        type.Field<IntGraphType>("count")
            .Description("Covered households; null when suppressed.")
            .Resolve(ctx => (int?)ctx.Source.Cell.Count);
        type.Field<FloatGraphType>("coverageRate")
            .Description("Covered ÷ all households of the area, a fraction (0.08, not 8).")
            .Resolve(ctx => ctx.Source.Cell.CoverageRate);
        type.Field<NonNullGraphType<IntGraphType>>("allHouseholds")
            .Description("All households of the area, covered or not (public reference data).")
            .Resolve(ctx => checked((int)ctx.Source.Cell.AllHouseholds));
        type.Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when the count is withheld: it would single out fewer households than the threshold.")
            .Resolve(ctx => ctx.Source.Cell.Suppressed);
        type.Field<NonNullGraphType<BooleanGraphType>>("partial")
            .Description("True when the count leaves out suppressed county × benefit cells: it is a lower bound.")
            .Resolve(ctx => ctx.Source.Cell.Partial);
    }
}

public sealed class HouseholdTotalGraphType() : TotalGraphType<HouseholdCellView>("HouseholdTotal", HouseholdCellFields.Add);

public sealed class HouseholdGroupGraphType : GroupGraphType<HouseholdCellView, HouseholdGroupKeyGraphType>
{
    public HouseholdGroupGraphType()
        : base("HouseholdGroup", HouseholdCellFields.Add)
    {
        Field<FloatGraphType>("share")
            .Description("Fraction of the total count.")
            .Resolve(ctx => ctx.Source.Totals.Result.Share(ctx.Source.Cell));
    }
}

public sealed class HouseholdGroupKeyGraphType : ObjectGraphType<HouseholdCellView>
{
    public HouseholdGroupKeyGraphType()
    {
        Name = "HouseholdGroupKey";
        Field<ProvinceGraphType>("province")
            .Resolve(ctx => ctx.Source.Cell.Key.Province is { } id ? ctx.Source.Totals.Keys.Provinces.GetValueOrDefault(id) : null);
        Field<CountyGraphType>("county")
            .Resolve(ctx => ctx.Source.Cell.Key.County is { } id ? ctx.Source.Totals.Keys.Counties.GetValueOrDefault(id) : null);
        Field<EnumerationGraphType<Benefit>>("benefit").Resolve(ctx => ctx.Source.Cell.Key.Benefit);
    }
}

public sealed class HouseholdDimensionGraphType : EnumerationGraphType<HouseholdDimension>
{
    public HouseholdDimensionGraphType() => Name = "HouseholdDimension";
}

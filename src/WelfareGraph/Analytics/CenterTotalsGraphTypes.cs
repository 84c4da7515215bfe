using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Geography;

namespace WelfareGraph.Analytics;

public sealed class CenterTotalsGraphType : ObjectGraphType<TotalsView>
{
    public CenterTotalsGraphType()
    {
        Name = "CenterTotals";
        Description = "Care centres, their places and residents, summed by SQL.";
        this.AddTotalAndGroups<CenterTotalGraphType, CenterGroupGraphType>();
    }
}

internal static class CenterMeasureFields
{
    public static void Add(ObjectGraphType<AnalyticsRow> type)
    {
        type.Field<NonNullGraphType<IntGraphType>>("centers").Resolve(ctx => checked((int)ctx.Source.Row.Count));
        type.Field<NonNullGraphType<IntGraphType>>("capacity").Description("Places.").Resolve(ctx => checked((int)ctx.Source.Row.Capacity));
        type.Field<NonNullGraphType<IntGraphType>>("residents")
            .Description("People living in the centres.")
            .Resolve(ctx => checked((int)ctx.Source.Row.Residents));
        type.Field<FloatGraphType>("occupancy")
            .Description("Residents ÷ places, a fraction; null without places.")
            .Resolve(ctx => CenterTotalsQuery.Occupancy(ctx.Source.Row));
    }
}

public sealed class CenterTotalGraphType() : TotalGraphType<AnalyticsRow>("CenterTotal", CenterMeasureFields.Add);

public sealed class CenterGroupGraphType() : GroupGraphType<AnalyticsRow, CenterGroupKeyGraphType>("CenterGroup", CenterMeasureFields.Add);

public sealed class CenterGroupKeyGraphType : ObjectGraphType<AnalyticsRow>
{
    public CenterGroupKeyGraphType()
    {
        Name = "CenterGroupKey";
        Field<ProvinceGraphType>("province")
            .Resolve(ctx => ctx.Source.Row.Province is { } id ? ctx.Source.Keys.Provinces.GetValueOrDefault(id) : null);
        Field<CountyGraphType>("county")
            .Resolve(ctx => ctx.Source.Row.County is { } id ? ctx.Source.Keys.Counties.GetValueOrDefault(id) : null);
        Field<EnumerationGraphType<CenterKind>>("kind").Resolve(ctx => ctx.Source.Row.Kind);
        Field<EnumerationGraphType<CenterOwnership>>("ownership").Resolve(ctx => ctx.Source.Row.Ownership);
    }
}

public sealed class CenterDimensionGraphType : EnumerationGraphType<CenterDimension>
{
    public CenterDimensionGraphType() => Name = "CenterDimension";
}

using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Analytics;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Ingestion;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Schema;

public sealed class WelfareQuery : ObjectGraphType
{
    public WelfareQuery()
    {
        Name = "Query";

        this.AddListFields<Province, ProvinceGraphType>("provinces", "The 31 provinces.", db => db.Provinces, q => q.OrderBy(p => p.Code));
        this.AddListFields<County, CountyGraphType>("counties", "Counties of every province loaded.", db => db.Counties, q => q.OrderBy(c => c.Code));
        this.AddListFields<Charity, CharityGraphType>("charities", "Licensed charity institutions.", db => db.Charities, q => q.OrderBy(c => c.Code));
        this.AddListFields<Center, CenterGraphType>("centers", "Care centres.", db => db.Centers, q => q.OrderBy(c => c.Code));
        this.AddListFields<Household, HouseholdGraphType>("households", "Covered households, pseudonymous.", db => db.Households);
        this.AddListFields<Contribution, ContributionGraphType>("contributions", "Public contributions, the fact rows of every total.", db => db.Contributions);

        Field<ProvinceGraphType>("province").Description("A province by its code, e.g. IR-19.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx => ByCode(ctx, typeof(ProvinceGraphType), db => db.Provinces.Where(p => p.Code == ctx.GetArgument<string>("code"))));
        Field<CountyGraphType>("county").Description("A county by its code, e.g. IR-19-01.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx => ByCode(ctx, typeof(CountyGraphType), db => db.Counties.Where(c => c.Code == ctx.GetArgument<string>("code"))));

        Field<NonNullGraphType<ParticipationReportGraphType>>("participationReport")
            .Description("The public-participation statement of a province for a period, as provinces publish it.")
            .Argument<NonNullGraphType<StringGraphType>>("province", "Province code, e.g. IR-19.")
            .Argument<NonNullGraphType<PeriodInputGraphType>>("period")
            .Argument<MoneyUnitGraphType>("unit", "Unit of the money figures.", a => a.DefaultValue = MoneyUnit.Toman)
            .ResolveAsync(ParticipationReportAsync);

        this.AddAnalyticsFields();
        this.AddIngestionQueries();
    }

    private static async Task<object?> ByCode<T>(IResolveFieldContext ctx, Type graphType, Func<Data.WelfareDbContext, IQueryable<T>> query)
        where T : class
    {
        await using var db = ctx.CreateDbContext();
        return await query(db).Project(ctx, graphType, Projection.Shape.Object).SingleOrDefaultAsync(ctx.CancellationToken);
    }

    private static async Task<object?> ParticipationReportAsync(IResolveFieldContext ctx)
    {
        var period = PeriodResolver.Resolve(ctx.GetArgument<PeriodInput>("period"), ctx.Service<TimeProvider>());
        await using var db = ctx.CreateDbContext();
        return await ParticipationReportQuery.RunAsync(db, ctx.GetArgument<string>("province"), period,
            ctx.GetArgument("unit", MoneyUnit.Toman), ctx.CancellationToken);
    }
}

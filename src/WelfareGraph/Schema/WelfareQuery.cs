using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Analytics;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Schema;

public sealed class WelfareQuery : ObjectGraphType
{
    public WelfareQuery()
    {
        Name = "Query";

        Connection<Province, ProvinceGraphType>("provinces", "The 31 provinces.", db => db.Provinces.OrderBy(p => p.Code).ThenBy(p => p.Id));
        Connection<County, CountyGraphType>("counties", "Counties of every province loaded.", db => db.Counties.OrderBy(c => c.Code).ThenBy(c => c.Id));
        Connection<Charity, CharityGraphType>("charities", "Licensed charity institutions.", db => db.Charities.OrderBy(c => c.Id));
        Connection<Center, CenterGraphType>("centers", "Care centres.", db => db.Centers.OrderBy(c => c.Id));
        Connection<Household, HouseholdGraphType>("households", "Covered households, pseudonymous.", db => db.Households.OrderBy(h => h.Id));
        Connection<Contribution, ContributionGraphType>("contributions", "Public contributions, the fact rows of every total.",
            db => db.Contributions.OrderBy(c => c.Id));

        Field<ProvinceGraphType>("province").Description("A province by its code, e.g. IR-19.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx => ByCode(ctx, db => db.Provinces, p => p.Code == ctx.GetArgument<string>("code")));
        Field<CountyGraphType>("county").Description("A county by its code, e.g. IR-19-01.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx => ByCode(ctx, db => db.Counties, c => c.Code == ctx.GetArgument<string>("code")));

        Field<NonNullGraphType<ParticipationReportGraphType>>("participationReport")
            .Description("The public-participation statement of a province for a period, as provinces publish it.")
            .Argument<NonNullGraphType<StringGraphType>>("province", "Province code, e.g. IR-19.")
            .Argument<NonNullGraphType<PeriodInputGraphType>>("period")
            .Argument<MoneyUnitGraphType>("unit", "Unit of the money figures.", a => a.DefaultValue = MoneyUnit.Toman)
            .ResolveAsync(ParticipationReportAsync);

        this.AddAnalyticsFields();
    }

    private void Connection<T, TGraphType>(string name, string description, Func<Data.WelfareDbContext, IQueryable<T>> query)
        where T : class where TGraphType : IGraphType =>
        Field<NonNullGraphType<ConnectionGraphType<T, TGraphType>>>(name)
            .Description(description)
            .PagingArguments()
            .ResolveAsync(async ctx => await ctx.ToConnectionAsync(db => query(db).IncludeSelected(ctx, db.Model, isConnection: true)));

    private static async Task<object?> ByCode<T>(IResolveFieldContext ctx, Func<Data.WelfareDbContext, IQueryable<T>> set,
        System.Linq.Expressions.Expression<Func<T, bool>> predicate) where T : class
    {
        await using var db = ctx.CreateDbContext();
        return await set(db).IncludeSelected(ctx, db.Model, isConnection: false).SingleOrDefaultAsync(predicate, ctx.CancellationToken);
    }

    private static async Task<object?> ParticipationReportAsync(IResolveFieldContext ctx)
    {
        var period = PeriodResolver.Resolve(ctx.GetArgument<PeriodInput>("period"), ctx.Service<TimeProvider>());
        await using var db = ctx.CreateDbContext();
        return await ParticipationReportQuery.RunAsync(db, ctx.GetArgument<string>("province"), period,
            ctx.GetArgument("unit", MoneyUnit.Toman), ctx.CancellationToken);
    }
}

using GraphQL;
using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Querying;

namespace WelfareGraph.Schema;

/// <summary>The record root fields: a paged list of every kind of record, and provinces and counties by code.</summary>
public static class RecordFields
{
    public static void AddRecordFields(this ObjectGraphType query)
    {
        query.AddListFields<Province, ProvinceGraphType>("provinces", "The 31 provinces.", db => db.Provinces, q => q.OrderBy(p => p.Code));
        query.AddListFields<County, CountyGraphType>(
            "counties",
            "Counties of every province loaded.",
            db => db.Counties,
            q => q.OrderBy(c => c.Code)
        );
        query.AddListFields<Charity, CharityGraphType>(
            "charities",
            "Licensed charity institutions.",
            db => db.Charities,
            q => q.OrderBy(c => c.Code)
        );
        query.AddListFields<Center, CenterGraphType>("centers", "Care centres.", db => db.Centers, q => q.OrderBy(c => c.Code));
        query.AddListFields<Household, HouseholdGraphType>("households", "Covered households, pseudonymous.", db => db.Households);
        query.AddListFields<Contribution, ContributionGraphType>(
            "contributions",
            "Public contributions, the fact rows of every total.",
            db => db.Contributions
        );

        query
            .Field<ProvinceGraphType>("province")
            .Description("A province by its code, e.g. IR-19.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx =>
                ByCode(ctx, typeof(ProvinceGraphType), db => db.Provinces.Where(p => p.Code == ctx.GetArgument<string>("code")))
            );
        query
            .Field<CountyGraphType>("county")
            .Description("A county by its code, e.g. IR-19-01.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(ctx =>
                ByCode(ctx, typeof(CountyGraphType), db => db.Counties.Where(c => c.Code == ctx.GetArgument<string>("code")))
            );
    }

    private static async Task<object?> ByCode<T>(IResolveFieldContext ctx, Type graphType, Func<WelfareDbContext, IQueryable<T>> query)
        where T : class
    {
        await using var db = ctx.CreateDbContext();
        return await query(db).Project(ctx, graphType, Projection.Shape.Object).SingleOrDefaultAsync(ctx.CancellationToken);
    }
}

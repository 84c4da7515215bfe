using GraphQL;
using GraphQL.MicrosoftDI;
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

        query.AddByCodeField<Province, ProvinceGraphType>(
            "province",
            "A province by its code, e.g. IR-19.",
            (db, code) => db.Provinces.Where(p => p.Code == code)
        );
        query.AddByCodeField<County, CountyGraphType>(
            "county",
            "A county by its code, e.g. IR-19-01.",
            (db, code) => db.Counties.Where(c => c.Code == code)
        );
    }

    /// <summary>A root field for one record by its <c>code</c> argument; null when no record has it.</summary>
    private static void AddByCodeField<T, TGraphType>(
        this ObjectGraphType query,
        string name,
        string description,
        Func<WelfareDbContext, string, IQueryable<T>> byCode
    )
        where T : class
        where TGraphType : IGraphType =>
        query
            .Field<TGraphType>(name)
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveOnOwnContext(
                async (ctx, db) =>
                {
                    var code = ctx.GetArgument<string>("code");
                    return await byCode(db, code)
                        .Project(ctx, typeof(TGraphType), Projection.Shape.Object)
                        .SingleOrDefaultAsync(ctx.CancellationToken);
                }
            );
}

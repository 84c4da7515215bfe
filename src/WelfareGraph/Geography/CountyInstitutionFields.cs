using GraphQL.Types;

namespace WelfareGraph.Geography;

/// <summary>The fields every <see cref="CountyInstitution"/> shows, with the same descriptions.</summary>
public static class CountyInstitutionFields
{
    public static void AddCodeAndNames<T>(this ObjectGraphType<T> type)
        where T : CountyInstitution
    {
        type.Field(i => i.Code);
        type.Field(i => i.Name).Description("Name, in Persian.");
        type.Field(i => i.NameEn, nullable: true).Description("Name, in English.");
    }

    public static void AddCounty<T>(this ObjectGraphType<T> type)
        where T : CountyInstitution => type.Field<NonNullGraphType<CountyGraphType>>("county").Resolve(ctx => ctx.Source.County);
}

using GraphQL.Types;

namespace WelfareGraph.Geography;

public sealed class ProvinceGraphType : ObjectGraphType<Province>
{
    public ProvinceGraphType()
    {
        Name = "Province";
        Description = "A province (استان), by its ISO 3166-2:IR code.";
        Field(p => p.Code).Description("ISO 3166-2:IR code, e.g. IR-19 for Zanjan.");
        Field(p => p.NameFa).Description("Persian name.");
        Field(p => p.NameEn).Description("English name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyGraphType>>>>("counties")
            .Resolve(ctx => ctx.Source.Counties.OrderBy(c => c.Code));
    }
}

public sealed class CountyGraphType : ObjectGraphType<County>
{
    public CountyGraphType()
    {
        Name = "County";
        Description = "A county (شهرستان) of a province.";
        Field(c => c.Code).Description("Province code and county number, e.g. IR-19-01.");
        Field(c => c.NameFa).Description("Persian name.");
        Field(c => c.NameEn).Description("English name.");
        Field<NonNullGraphType<ProvinceGraphType>>("province").Resolve(ctx => ctx.Source.Province);
        Field(c => c.TotalHouseholds).Description("All households in the county, covered or not: the denominator of coverage rates.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Centers.CenterGraphType>>>>("centers")
            .Resolve(ctx => ctx.Source.Centers.OrderBy(c => c.Code));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Charities.CharityGraphType>>>>("charities")
            .Resolve(ctx => ctx.Source.Charities.OrderBy(c => c.Code));
    }
}

using GraphQL.Types;

namespace WelfareGraph.Ingestion;

public sealed class ReportFiguresGraphType : ObjectGraphType<PublishedFigures>
{
    public ReportFiguresGraphType()
    {
        Name = "ReportFigures";
        Field<NonNullGraphType<LongGraphType>>("cash").Resolve(ctx => ctx.Source.Cash);
        Field<NonNullGraphType<LongGraphType>>("inKind").Resolve(ctx => ctx.Source.InKind);
        Field<NonNullGraphType<LongGraphType>>("volunteerServices").Resolve(ctx => ctx.Source.VolunteerServices);
        Field<NonNullGraphType<LongGraphType>>("charities").Resolve(ctx => ctx.Source.Charities);
        Field<NonNullGraphType<LongGraphType>>("total").Resolve(ctx => ctx.Source.Total);
        Field(f => f.Covered);
        Field(f => f.AllHouseholds);
        Field(f => f.Pensioners);
        Field(f => f.OtherServices);
        Field(f => f.CenterResidents);
    }
}

using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Contributions;

public sealed class ContributionGraphType : ObjectGraphType<Contribution>
{
    public ContributionGraphType()
    {
        Name = "Contribution";
        Description = "One public contribution: cash, an in-kind gift or volunteer service.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<DateScalar>>("date").Resolve(ctx => ctx.Source.Date);
        Field(c => c.SolarYear).Description("Solar Hijri year of the date.");
        Field(c => c.SolarQuarter).Description("Solar Hijri quarter (1 spring … 4 winter).");
        Field(c => c.SolarMonth).Description("Solar Hijri month (1 Farvardin … 12 Esfand).");
        Field<NonNullGraphType<EnumerationGraphType<ContributionType>>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<EnumerationGraphType<Sector>>>("sector").Resolve(ctx => ctx.Source.Sector);
        Field<NonNullGraphType<EnumerationGraphType<Intent>>>("intent").Resolve(ctx => ctx.Source.Intent);
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<LongGraphType>>("amountRial")
            .Description("Amount in rial (1 toman = 10 rial).")
            .Resolve(ctx => ctx.Source.AmountRial);
        Field<DecimalGraphType>("quantity").Description("Hours of service, items or kilograms.").Resolve(ctx => ctx.Source.Quantity);
        Field<EnumerationGraphType<QuantityUnit>>("quantityUnit").Resolve(ctx => ctx.Source.QuantityUnit);
        Field(c => c.Description, nullable: true);
        Field<EnumerationGraphType<ValuationBasis>>("valuationBasis")
            .Description("How a non-cash gift was valued in rial.")
            .Resolve(ctx => ctx.Source.ValuationBasis);
        Field<NonNullGraphType<CountyGraphType>>("county").Resolve(ctx => ctx.Source.County);
        Field<CenterGraphType>("center").Resolve(ctx => ctx.Source.Center);
        Field<CharityGraphType>("charity").Resolve(ctx => ctx.Source.Charity);
        Field(c => c.SourceSystem).Description("The system that sent the record.");
        Field(c => c.ExternalId).Description("The sender's own id of the record.");
    }
}

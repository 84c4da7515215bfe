using GraphQL.Types;
using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

public sealed class ParticipationReportGraphType : ObjectGraphType<ParticipationReport>
{
    public ParticipationReportGraphType()
    {
        Name = "ParticipationReport";
        Description = "A province's public-participation statement for a period, summed from the fact rows.";
        Field<NonNullGraphType<ProvinceGraphType>>("province").Resolve(ctx => ctx.Source.Province);
        Field<NonNullGraphType<ReportPeriodGraphType>>("period").Resolve(ctx => ctx.Source.Period);
        Field<NonNullGraphType<MoneyUnitGraphType>>("unit").Resolve(ctx => ctx.Source.Unit);
        Field<NonNullGraphType<GovernmentTotalsGraphType>>("government").Resolve(ctx => ctx.Source.Government);
        Field(r => r.Charities).Description("Collected by the province's licensed charities.");
        Field(r => r.Total).Description("Government sector and charities together.");
        Field<NonNullGraphType<HouseholdCoverageGraphType>>("households").Resolve(ctx => ctx.Source.Households);
        Field(r => r.CenterResidents).Description("People living in the province's care centres.");
        Field(r => r.StatementFa).Description("The statement as a paragraph, in Persian.");
        Field(r => r.StatementEn).Description("The statement as a paragraph, in English.");
        Field(r => r.HeadlineFa)
            .Description(
                "The one-line headline, in Persian: "
                    + "the total rounded down to whole units of its largest unit, with «بیش از» when that dropped anything."
            );
        Field(r => r.HeadlineEn)
            .Description(
                "The one-line headline, in English: "
                    + "the total rounded down to whole units of its largest unit, with \"over\" when that dropped anything."
            );
    }
}

public sealed class GovernmentTotalsGraphType : ObjectGraphType<GovernmentTotals>
{
    public GovernmentTotalsGraphType()
    {
        Name = "GovernmentTotals";
        Description = "Contributions attracted by the welfare organisation itself, in the report's unit.";
        Field(g => g.Cash);
        Field(g => g.InKind);
        Field(g => g.VolunteerServices);
        Field(g => g.Total);
    }
}

public sealed class HouseholdCoverageGraphType : ObjectGraphType<HouseholdCoverage>
{
    public HouseholdCoverageGraphType()
    {
        Name = "HouseholdCoverage";
        Description = "Households covered on the last day of the period.";
        Field(h => h.Covered);
        Field(h => h.AllHouseholds).Description("All households in the province, covered or not.");
        Field(h => h.CoverageRate, nullable: true).Description("Covered ÷ all households, as a fraction (0.08, not 8).");
        Field(h => h.Pensioners);
        Field(h => h.PensionerShare, nullable: true).Description("Fraction of covered households.");
        Field(h => h.OtherServices);
        Field(h => h.OtherServicesShare, nullable: true).Description("Fraction of covered households.");
    }
}

public sealed class MoneyUnitGraphType : EnumerationGraphType<MoneyUnit>
{
    public MoneyUnitGraphType() => Name = "MoneyUnit";
}

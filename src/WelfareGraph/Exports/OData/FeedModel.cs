using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using WelfareGraph.Exports.PowerBi;

namespace WelfareGraph.Exports.OData;

/// <summary>The OData feed's entity model: the Power BI star schema, one entity set per table.</summary>
public static class FeedModel
{
    public const string RoutePrefix = "odata";

    public static IEdmModel Edm { get; } = Build();

    private static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = "WelfareGraph", ContainerName = "WelfareGraph" };
        builder.EntitySet<ContributionFact>("Contributions");
        builder.EntitySet<MonthlyContributionFact>("ContributionsMonthly");
        builder.EntitySet<HouseholdCount>("HouseholdCounts");
        builder.EntitySet<DateDim>("Dates");
        builder.EntitySet<ProvinceDim>("Provinces");
        builder.EntitySet<CountyDim>("Counties");
        builder.EntitySet<CenterDim>("Centers");
        builder.EntitySet<CharityDim>("Charities");
        builder.EntitySet<ContributionTypeDim>("ContributionTypes");
        builder.EntitySet<SectorDim>("Sectors");
        builder.EntitySet<IntentDim>("Intents");
        builder.EntitySet<ChannelDim>("Channels");
        builder.EntitySet<BenefitDim>("Benefits");
        return builder.GetEdmModel();
    }
}

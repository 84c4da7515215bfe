using WelfareGraph.Schema;

namespace WelfareGraph.Tests.Schema;

/// <summary>
/// The root types are composed in one place, each topic's registrar once, in a fixed order: introspection lists
/// the root fields in that order (the SDL snapshot sorts them, so it would not notice).
/// </summary>
public sealed class RootFieldCompositionTests
{
    [Fact]
    public void The_query_type_holds_each_root_field_once_in_composition_order()
    {
        Assert.Equal(
            [
                // Schema: the records
                "provinces",
                "provincesPage",
                "counties",
                "countiesPage",
                "charities",
                "charitiesPage",
                "centers",
                "centersPage",
                "households",
                "householdsPage",
                "contributions",
                "contributionsPage",
                "province",
                "county",
                // Analytics
                "participationReport",
                "contributionTotals",
                "householdTotals",
                "centerTotals",
                // Ingestion
                "contributionChanges",
                "householdChanges",
                "centerChanges",
                "publishedReports",
                "closedPeriods",
                // Security
                "auditLog",
                // Labels
                "enumLabels",
            ],
            new WelfareQuery().Fields.Select(f => f.Name)
        );
    }

    [Fact]
    public void The_mutation_type_holds_each_root_field_once_in_composition_order()
    {
        Assert.Equal(
            [
                "upsertContributions",
                "upsertHouseholds",
                "upsertCenters",
                "upsertCharities",
                "upsertCounties",
                "upsertProvinces",
                "retractContributions",
                "closePeriod",
                "reopenPeriod",
                "publishReport",
            ],
            new WelfareMutation().Fields.Select(f => f.Name)
        );
    }
}

using GraphQL.Types;

namespace WelfareGraph.Analytics;

/// <summary>The analytics root fields (contributionTotals, householdTotals, centerTotals).</summary>
public static class AnalyticsFields
{
    public static void AddAnalyticsFields(this ObjectGraphType query)
    {
    }
}

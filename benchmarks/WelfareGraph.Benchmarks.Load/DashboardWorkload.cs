namespace WelfareGraph.Benchmarks;

/// <summary>
/// What a Power BI dashboard over the demo province asks, again and again: the two trusted operations of
/// <c>schema/operations</c> by id, and the typical ad-hoc totals, household and list queries beside them —
/// cheap and expensive ones, so that a tail that is the same for all of them shows up as such.
/// </summary>
public static class DashboardWorkload
{
    public sealed record Operation(string Name, object Body);

    private static readonly object Period = new
    {
        year = 1404,
        fromMonth = 1,
        toMonth = 9,
    };

    public static readonly IReadOnlyList<Operation> Operations =
    [
        new("ParticipationStatement", new { id = "ParticipationStatement", variables = new { province = "IR-19", period = Period } }),
        new("TotalsByCounty", new { id = "TotalsByCounty", variables = new { province = "IR-19", period = Period } }),
        new(
            "contributionTotals",
            new
            {
                query = "query($p: PeriodInput) { contributionTotals(period: $p, groupBy: [COUNTY, MONTH]) { total { sum count } "
                    + "groups { key { county { code nameFa } month period } sum count share } } }",
                variables = new { p = Period },
            }
        ),
        new(
            "householdTotals",
            new
            {
                query = "{ householdTotals(groupBy: [COUNTY, BENEFIT], asOf: \"1404-09-30\") { total { count coverageRate } "
                    + "groups { key { county { code } benefit } count share coverageRate suppressed } } }",
            }
        ),
        new(
            "participationReport",
            new
            {
                query = "query($p: PeriodInput!) { participationReport(province: \"IR-19\", period: $p) "
                    + "{ total charities government { cash inKind volunteerServices total } households { covered coverageRate } } }",
                variables = new { p = Period },
            }
        ),
        new(
            "contributionsPage",
            new
            {
                query = "{ contributionsPage(skip: 20, take: 50, where: { type: { eq: CASH } "
                    + "}, order: [{ date: DESC }]) { totalCount items { date amountRial type sector county { code nameFa } } } }",
            }
        ),
    ];
}

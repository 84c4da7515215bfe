using GraphQL.Types;
using WelfareGraph.Analytics;
using WelfareGraph.Ingestion;
using WelfareGraph.Labels;
using WelfareGraph.Security;

namespace WelfareGraph.Schema;

/// <summary>
/// The query type, composed here and only here: each topic folder adds its root fields through its one
/// registrar, in this order (the order introspection lists them in).
/// </summary>
public sealed class WelfareQuery : ObjectGraphType
{
    public WelfareQuery()
    {
        Name = "Query";
        this.AddRecordFields(); // Schema: provinces … contributions, province, county
        this.AddAnalyticsFields(); // Analytics: participationReport, contributionTotals, householdTotals, centerTotals
        this.AddIngestionQueries(); // Ingestion: change feeds, publishedReports, closedPeriods
        this.AddAuditLogField(); // Security: auditLog
        this.AddLabelFields(); // Labels: enumLabels
    }
}

using System.Security.Claims;
using GraphQLParser.AST;
using static WelfareGraph.Security.WelfareRoles;

namespace WelfareGraph.Security;

/// <summary>
/// Who may use what — the one table of the security model. Every root field of the schema, every
/// mutation and every export is looked up here; anything not listed is denied to everyone, Admin included,
/// so a new field stays closed until someone decides who may use it (a test checks every served root field
/// is listed). Row-level limits (which province, which county) are the scope's job, not this table's.
/// </summary>
public static class AccessPolicy
{
    private static readonly string[] Readers = [Analyst, Auditor, Admin];
    private static readonly string[] HouseholdReaders = [Auditor, Admin];
    private static readonly string[] Writers = [Integration, Admin];
    private static readonly string[] Syncers = [Integration, Auditor, Admin];

    public static readonly IReadOnlyDictionary<string, string[]> QueryFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["provinces"] = Readers,
        ["counties"] = Readers,
        ["province"] = Readers,
        ["county"] = Readers,
        ["charities"] = Readers,
        ["centers"] = Readers,
        ["contributions"] = Readers,
        ["participationReport"] = Readers,
        ["contributionTotals"] = Readers,
        ["householdTotals"] = Readers,
        ["centerTotals"] = Readers,
        // Household-level rows, pseudonymous but still about vulnerable families.
        ["households"] = HouseholdReaders,
        ["auditLog"] = [Auditor, Admin],
        // Offset-paged twins of the lists.
        ["provincesPage"] = Readers,
        ["countiesPage"] = Readers,
        ["charitiesPage"] = Readers,
        ["centersPage"] = Readers,
        ["contributionsPage"] = Readers,
        ["householdsPage"] = HouseholdReaders,
        // Integration: change feeds for national systems to sync from.
        ["contributionChanges"] = Syncers,
        ["householdChanges"] = Syncers,
        ["centerChanges"] = Syncers,
        ["publishedReports"] = [Analyst, Auditor, Integration, Admin],
        ["closedPeriods"] = [Analyst, Auditor, Integration, Admin],
        // Reference data: the words for enum values, the same for every caller.
        ["enumLabels"] = [Analyst, Auditor, Integration, Admin],
    };

    /// <summary>Mutations: ingestion by national systems within their scope; closing periods and publishing by Admin.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MutationFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["upsertContributions"] = Writers,
        ["upsertHouseholds"] = Writers,
        ["upsertCenters"] = Writers,
        ["upsertCharities"] = Writers,
        ["upsertCounties"] = Writers,
        ["retractContributions"] = Writers,
        ["upsertProvinces"] = [Admin],
        ["closePeriod"] = [Admin],
        ["reopenPeriod"] = [Admin],
        ["publishReport"] = [Admin],
    };

    /// <summary>Exports by name (issue: exports): summarized and underlying contribution rows, household rows, centre rows.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Exports = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["contributions"] = Readers,
        ["households"] = HouseholdReaders,
        // Centres are reference data the `centers` list already gives every reader; their rows name no person.
        ["centers"] = Readers,
    };

    public static IReadOnlyDictionary<string, string[]> For(OperationType operation) =>
        operation switch
        {
            OperationType.Query => QueryFields,
            OperationType.Mutation => MutationFields,
            _ => new Dictionary<string, string[]>(),
        };

    /// <summary>The roles that may use a root field; empty (nobody) for a field the table does not list.</summary>
    public static IReadOnlyList<string> RolesFor(OperationType operation, string field) =>
        For(operation).TryGetValue(field, out var roles) ? roles : [];

    public static bool Allows(ClaimsPrincipal? user, OperationType operation, string field) =>
        RolesFor(operation, field).Any(Of(user).Contains);

    public static bool AllowsExport(ClaimsPrincipal? user, string export) =>
        Exports.TryGetValue(export, out var roles) && roles.Any(Of(user).Contains);
}

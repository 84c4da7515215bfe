using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// What the Power BI endpoints and the model they stream need, injected as one handler parameter (<c>[AsParameters]</c>).
/// </summary>
public sealed record PowerBiServices(
    IDbContextFactory<WelfareDbContext> Contexts,
    TimeProvider Clock,
    ExportOptions Options,
    AnalyticsOptions Analytics,
    AuditLog Audit,
    ILogger<ExportRunner.Log> Log
);

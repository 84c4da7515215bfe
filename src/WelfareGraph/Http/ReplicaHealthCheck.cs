using Microsoft.Extensions.Diagnostics.HealthChecks;
using WelfareGraph.Data;

namespace WelfareGraph.Http;

/// <summary>
/// The read replica, when one is configured: degraded (not unhealthy — reads fall back to the primary, so the
/// server still answers everything) while it cannot be reached or lags past <c>Database:MaxReplicaLag</c>.
/// </summary>
internal sealed class ReplicaHealthCheck(ReadReplica replica, ReplicaLagMonitor monitor, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!replica.IsConfigured)
            return HealthCheckResult.Healthy("No read replica is configured.");
        var lag = await monitor.CurrentAsync(cancellationToken);
        if (!lag.Usable)
            return HealthCheckResult.Degraded($"Reads go to the primary: {lag.Problem}.");
        var data = new Dictionary<string, object> { ["lagSeconds"] = lag.Lag.TotalSeconds };
        return lag.Lag > options.MaxReplicaLag
            ? HealthCheckResult.Degraded(
                "Reads go to the primary: "
                    + $"the replica is {lag.Lag.TotalSeconds:0.###} s behind (Database:MaxReplicaLag {options.MaxReplicaLag}).",
                data: data
            )
            : HealthCheckResult.Healthy("The read replica is current.", data);
    }
}

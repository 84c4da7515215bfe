using Microsoft.Extensions.Diagnostics.HealthChecks;
using WelfareGraph.Data;

namespace WelfareGraph.Http;

/// <summary>
/// Ready means the database answers now: a round trip (<c>SELECT 1</c>), not only an open connection — a pooled
/// connection to a server that has gone away opens without a word. Bounded by <c>Database:ConnectTimeout</c>, so a
/// probe of an unreachable server reports unhealthy instead of hanging; a failure also clears the pool
/// (<see cref="OutagePoolReset"/>), so readiness comes back as soon as the database does.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<WelfareDbContext> factory, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout * 2);
        try
        {
            await using var db = await factory.CreateDbContextAsync(deadline.Token);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", deadline.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
            when (DatabaseOutage.IsOutage(e)
                || (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            )
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

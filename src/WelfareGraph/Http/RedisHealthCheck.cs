using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace WelfareGraph.Http;

/// <summary>
/// Redis, when one is configured: degraded (never unhealthy — without it each server answers from its own memory
/// and the database) while it does not answer a PING.
/// </summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            return HealthCheckResult.Healthy("No Redis is configured.");
        try
        {
            var ping = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers in {ping.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(
                "Redis does not answer: each server caches in its own memory only and counts its callers' rate limits alone."
            );
        }
    }
}

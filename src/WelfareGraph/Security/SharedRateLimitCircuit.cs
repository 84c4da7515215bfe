using StackExchange.Redis;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Security;

/// <summary>
/// Whether the rate limiter asks Redis. After Redis fails to answer it is left alone for a short while, so an
/// outage costs one slow request, not one per request; meanwhile each server counts its callers alone. The outage
/// is logged once when it starts and once when Redis answers again, and every request counted here alone is
/// counted in <c>welfaregraph.rate_limit.per_server</c>.
/// </summary>
public sealed class SharedRateLimitCircuit(ILogger<SharedRateLimitCircuit> logger, WelfareMetrics metrics)
{
    /// <summary>How long after a failure Redis is not asked again.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a request waits for Redis's count before it is counted here instead: a rate limit check must
    /// never be what makes a request slow.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(1);

    private long _retryAt;
    private int _down;

    public bool AsksRedis => Environment.TickCount64 >= Interlocked.Read(ref _retryAt);

    /// <summary>True while the last attempt to reach Redis failed.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    public void Answered()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
            logger.LogInformation("Redis answers the rate limiter again: callers' limits are shared by every server.");
    }

    public void Failed(Exception error)
    {
        Interlocked.Exchange(ref _retryAt, Environment.TickCount64 + (long)BreakDuration.TotalMilliseconds);
        if (Interlocked.Exchange(ref _down, 1) == 0)
            logger.LogWarning(
                "Redis did not answer the rate limiter ({Error}): until it does, each server counts its callers' requests alone.",
                error is RedisException or TimeoutException ? error.Message : error.GetType().Name
            );
    }

    public void CountedHere() => metrics.RateLimitCountedHere();
}

using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace WelfareGraph.Security;

/// <summary>
/// One caller's fixed window, counted in Redis so that every server draws on the same allowance
/// (RedisRateLimiting's fixed window: one Lua script per request). When Redis does not answer, the request is
/// counted by this server's own fixed window of the same size instead: a Redis outage loosens the limit to one
/// allowance per server, never fails a request. Refusals carry <see cref="MetadataName.RetryAfter"/> as the time
/// left in the window, like ASP.NET Core's own limiter, so the 429 answers the same either way.
/// </summary>
internal sealed class SharedRateLimiter : ReplenishingRateLimiter
{
    private readonly RateLimiter _shared;
    private readonly FixedWindowRateLimiter _local;
    private readonly SharedRateLimitCircuit _circuit;
    private readonly IConnectionMultiplexer _redis;

    /// <param name="key">The caller's key in Redis, prefixed; the same on every server.</param>
    public SharedRateLimiter(string key, RateLimitOptions options, IConnectionMultiplexer redis, SharedRateLimitCircuit circuit)
    {
        _circuit = circuit;
        _redis = redis;
        _shared = new RedisFixedWindowRateLimiter<string>(
            key,
            new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                ConnectionMultiplexerFactory = () => redis,
            }
        );
        _local = new FixedWindowRateLimiter(
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
                // The partitioned limiter replenishes this one through TryReplenish, as it does its own.
                AutoReplenishment = false,
            }
        );
    }

    public override TimeSpan? IdleDuration =>
        _local.IdleDuration is { } local && _shared.IdleDuration is { } shared ? (local < shared ? local : shared) : null;

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _local.ReplenishmentPeriod;

    public override bool TryReplenish() => _local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>
    /// Never granted without asking Redis: the caller (ASP.NET Core's middleware) then waits on <see cref="AcquireAsyncCore"/>.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Refused.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // A connection known to be down is not asked: its commands would wait in its backlog until they time out.
        if (_circuit.AsksRedis && _redis.IsConnected)
        {
            try
            {
                var lease = await _shared
                    .AcquireAsync(permitCount, cancellationToken)
                    .AsTask()
                    .WaitAsync(SharedRateLimitCircuit.AnswerTimeout, cancellationToken);
                _circuit.Answered();
                return lease.IsAcquired ? lease : Refused.Until(lease);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _circuit.Failed(e);
            }
        }
        else if (_circuit.AsksRedis)
        {
            _circuit.Failed(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "The connection to Redis is down."));
        }
        _circuit.CountedHere();
        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared.Dispose();
            _local.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>A refusal whose only metadata is the wait until the caller's window opens again.</summary>
    private sealed class Refused(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Refused Undecided = new(null);

        public static Refused Until(RateLimitLease redisLease)
        {
            // Redis's lease tells when the window ends (Unix milliseconds); its own retry-after is truncated to whole seconds.
            if (!redisLease.TryGetMetadata(RateLimitMetadataName.Reset, out var endsAt))
                return new Refused(null);
            var left = endsAt - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return new Refused(TimeSpan.FromMilliseconds(Math.Max(0, left)));
        }

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}

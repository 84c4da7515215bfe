using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace WelfareGraph.Security;

/// <summary>Which limit refused an operation.</summary>
public enum FairShareLimit
{
    Caller,
    Server,
}

/// <summary>
/// Admits operations within two limits, in this order: the caller's own (a concurrency limit with a bounded queue,
/// one per caller), then the server's (one, with a bounded queue). A caller waits for its own slot before it takes
/// a place in the server's queue, so one caller's flood holds at most its own share of the server and the server
/// queue serves callers in the order they got there. Waiting is cancelled with the request: a caller that hangs up
/// leaves the queue at once. The limiters are System.Threading.RateLimiting's; idle callers' limiters are dropped
/// by the partitioned limiter.
/// </summary>
public sealed class FairShareLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _callers;
    private readonly ConcurrencyLimiter _server;

    public FairShareLimiter(IOptions<FairShareOptions> options)
    {
        var settings = options.Value;
        _callers = PartitionedRateLimiter.Create<string, string>(caller =>
            RateLimitPartition.GetConcurrencyLimiter(
                caller,
                _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = settings.MaxConcurrentPerCaller,
                    QueueLimit = settings.MaxQueuedPerCaller,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }
            )
        );
        _server = new ConcurrencyLimiter(
            new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.ServerConcurrency,
                QueueLimit = settings.MaxQueuedPerServer,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }
        );
    }

    /// <summary>Waits (within the queues' bounds) for a slot of the caller's and one of the server's.</summary>
    /// <exception cref="OperationCanceledException">The request was cancelled while it waited; it holds no place any more.</exception>
    public async ValueTask<FairShareAdmission> AdmitAsync(string caller, CancellationToken cancellationToken)
    {
        var own = await _callers.AcquireAsync(caller, 1, cancellationToken);
        if (!own.IsAcquired)
        {
            own.Dispose();
            return FairShareAdmission.RefusedBy(FairShareLimit.Caller);
        }
        RateLimitLease shared;
        try
        {
            shared = await _server.AcquireAsync(1, cancellationToken);
        }
        catch
        {
            own.Dispose();
            throw;
        }
        if (!shared.IsAcquired)
        {
            shared.Dispose();
            own.Dispose();
            return FairShareAdmission.RefusedBy(FairShareLimit.Server);
        }
        return FairShareAdmission.Admitted(own, shared);
    }

    public void Dispose()
    {
        _callers.Dispose();
        _server.Dispose();
    }
}

/// <summary>An admitted operation's two slots, given back on dispose; or the limit that refused it.</summary>
public sealed class FairShareAdmission : IDisposable
{
    private readonly RateLimitLease? _own;
    private readonly RateLimitLease? _shared;

    private FairShareAdmission(RateLimitLease? own, RateLimitLease? shared, FairShareLimit? refusedBy)
    {
        _own = own;
        _shared = shared;
        Refusal = refusedBy;
    }

    public bool IsAdmitted => Refusal is null;

    public FairShareLimit? Refusal { get; }

    internal static FairShareAdmission Admitted(RateLimitLease own, RateLimitLease shared) => new(own, shared, null);

    internal static FairShareAdmission RefusedBy(FairShareLimit limit) => new(null, null, limit);

    public void Dispose()
    {
        // The server slot first: the caller's next queued operation then finds one free.
        _shared?.Dispose();
        _own?.Dispose();
    }
}

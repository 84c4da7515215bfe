using Microsoft.Extensions.Options;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>The limiter's own semantics: the caller's share first, then the server's; bounded queues; cancelled waits leave.</summary>
public sealed class FairShareLimiterTests
{
    private static FairShareLimiter Limiter(int perCaller, int queuedPerCaller, int perServer, int queuedPerServer) =>
        new(
            Options.Create(
                new FairShareOptions
                {
                    MaxConcurrentPerCaller = perCaller,
                    MaxQueuedPerCaller = queuedPerCaller,
                    MaxConcurrentPerServer = perServer,
                    MaxQueuedPerServer = queuedPerServer,
                }
            )
        );

    [Fact]
    public async Task A_caller_past_its_running_and_queued_operations_is_refused_while_another_caller_is_admitted()
    {
        using var limiter = Limiter(perCaller: 2, queuedPerCaller: 1, perServer: 10, queuedPerServer: 0);
        var first = await limiter.AdmitAsync("a", CancellationToken.None);
        var second = await limiter.AdmitAsync("a", CancellationToken.None);
        var queued = limiter.AdmitAsync("a", CancellationToken.None).AsTask();
        var refused = await limiter.AdmitAsync("a", CancellationToken.None);
        var other = await limiter.AdmitAsync("b", CancellationToken.None);

        Assert.True(first.IsAdmitted && second.IsAdmitted && other.IsAdmitted);
        Assert.False(queued.IsCompleted);
        Assert.Equal(FairShareLimit.Caller, refused.Refusal);

        first.Dispose();
        using var admitted = await queued;
        Assert.True(admitted.IsAdmitted);
        second.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task The_server_limit_queues_then_refuses_and_a_freed_slot_goes_to_the_oldest_waiter()
    {
        using var limiter = Limiter(perCaller: 5, queuedPerCaller: 5, perServer: 2, queuedPerServer: 1);
        var a = await limiter.AdmitAsync("a", CancellationToken.None);
        var b = await limiter.AdmitAsync("b", CancellationToken.None);
        var c = limiter.AdmitAsync("c", CancellationToken.None).AsTask();
        var d = await limiter.AdmitAsync("d", CancellationToken.None);

        Assert.False(c.IsCompleted);
        Assert.Equal(FairShareLimit.Server, d.Refusal);

        a.Dispose();
        using var admitted = await c;
        Assert.True(admitted.IsAdmitted);
        b.Dispose();
    }

    [Fact]
    public async Task A_caller_waiting_for_its_own_slot_takes_no_place_in_the_server_queue()
    {
        // The server has no queue at all: were a's waiting operations in it, b would be refused.
        using var limiter = Limiter(perCaller: 1, queuedPerCaller: 5, perServer: 2, queuedPerServer: 0);
        using var a = await limiter.AdmitAsync("a", CancellationToken.None);
        var waiting = Enumerable.Range(0, 5).Select(_ => limiter.AdmitAsync("a", CancellationToken.None).AsTask()).ToList();
        using var b = await limiter.AdmitAsync("b", CancellationToken.None);
        using var c = await limiter.AdmitAsync("c", CancellationToken.None);

        Assert.True(b.IsAdmitted);
        Assert.Equal(FairShareLimit.Server, c.Refusal);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_queue_and_frees_its_place()
    {
        using var limiter = Limiter(perCaller: 1, queuedPerCaller: 1, perServer: 10, queuedPerServer: 0);
        var running = await limiter.AdmitAsync("a", CancellationToken.None);
        using var hangUp = new CancellationTokenSource();
        var leaving = limiter.AdmitAsync("a", hangUp.Token).AsTask();
        Assert.Equal(FairShareLimit.Caller, (await limiter.AdmitAsync("a", CancellationToken.None)).Refusal);

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);

        var next = limiter.AdmitAsync("a", CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted); // queued in the place the cancelled wait left, not refused
        running.Dispose();
        using var admitted = await next;
        Assert.True(admitted.IsAdmitted);
    }

    [Fact]
    public void MaxConcurrentPerServer_0_is_sized_to_the_cores()
    {
        Assert.Equal(
            FairShareOptions.OperationsPerCore * Environment.ProcessorCount,
            new FairShareOptions { MaxConcurrentPerServer = 0 }.ServerConcurrency
        );
        Assert.Equal(3, new FairShareOptions { MaxConcurrentPerServer = 3 }.ServerConcurrency);
    }
}

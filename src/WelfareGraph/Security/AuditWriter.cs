using System.Threading.Channels;
using WelfareGraph.Data;
using WelfareGraph.Querying;

namespace WelfareGraph.Security;

/// <summary>
/// Group commit for the audit log. Every answered operation must have its entry stored before its response is sent;
/// one transaction per entry made concurrent requests queue for the database's write lock (SQLite has one writer)
/// and a commit each. Here entries from concurrent requests are written together: one writer takes whatever has
/// queued while the previous transaction committed, inserts it in one transaction, and then completes each entry's
/// task — so every request still waits for its own entry to be durable, but requests no longer wait for each other's
/// commits one by one. A failed batch fails every request in it (none is answered).
/// </summary>
public sealed class AuditWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Entries per transaction at most, so that one commit stays short under a burst.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BookkeepingDbContextFactory _contexts;
    private readonly ILogger<AuditWriter> _logger;
    private readonly Task _writing;

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Stored);

    public AuditWriter(BookkeepingDbContextFactory contexts, ILogger<AuditWriter> logger)
    {
        (_contexts, _logger) = (contexts, logger);
        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>Completes once the entry is committed; throws what the write threw if it could not be.</summary>
    public Task WriteAsync(AuditEntry entry)
    {
        // Continuations run off the writer's loop, so a request resuming never delays the next batch.
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            pending.Stored.SetException(
                new ObjectDisposedException(nameof(AuditWriter), "The server is stopping; the audit log takes no more entries.")
            );
        return pending.Stored.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await StoreAsync(batch);
                foreach (var pending in batch)
                    pending.Stored.SetResult();
            }
            catch (Exception e) when (batch.Count > 1 && !Data.DatabaseOutage.IsOutage(e))
            {
                // One entry the database refuses must not cost its neighbours their answers: store them one by one.
                foreach (var pending in batch)
                {
                    try
                    {
                        await StoreAsync([pending]);
                        pending.Stored.SetResult();
                    }
                    catch (Exception single)
                    {
                        Fail([pending], single);
                    }
                }
            }
            catch (Exception e)
            {
                Fail(batch, e);
            }
        }
    }

    private async Task StoreAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = _contexts.CreateDbContext();
        db.AuditLog.AddRange(batch.Select(p => p.Entry));
        // One SaveChanges is one transaction. Recorded even when the caller went away or the operation timed out.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Fail(IReadOnlyList<Pending> batch, Exception e)
    {
        _logger.LogError(e, "{Count} audit entries could not be stored; their operations are not answered.", batch.Count);
        foreach (var pending in batch)
            pending.Stored.SetException(e);
    }

    /// <summary>Takes no more entries and waits for those queued to be stored (or to fail).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    /// <summary>For a container disposed synchronously (the writer's loop never blocks on its caller, so this cannot deadlock).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

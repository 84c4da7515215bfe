using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>Stamps feed entries from the feed clock, in commit order, inside the writer's transaction.</summary>
public sealed class ChangeFeedStamper : IChangeFeedStamper
{
    public async Task StampAsync(WelfareDbContext db, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;
        // Incrementing the clock row locks it until this transaction commits: the next writer waits here,
        // so sequences follow commit order and a reader never sees a gap that fills in later.
        await db
            .FeedClock.Where(c => c.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + entries.Count), cancellationToken);
        var last = await db.FeedClock.Where(c => c.Id == 1).Select(c => c.Value).SingleAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var sequence = last - entries.Count;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.CommittedAt = now;
        }
        await BulkCopy.InsertAsync(db, entries, cancellationToken);
    }
}

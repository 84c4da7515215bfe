using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Gives a transaction's changes their feed sequences, as the last step before it commits. An injected service
/// so that a test can hold a writer's transaction open at exactly this point (by wrapping it).
/// </summary>
public interface IChangeFeedStamper
{
    Task StampAsync(WelfareDbContext db, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken);
}

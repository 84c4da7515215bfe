namespace WelfareGraph.Data;

/// <summary>
/// A single row whose value moves with every committed write that can change an answer: facts, retractions,
/// reference data (names, all-households counts), provinces, closed periods and published reports. Caches key
/// their answers by it, a replica tells how current it is by it, and a client that wrote sends it back to read
/// its own write. Unlike the change feed's clock it has no entries: it only counts.
/// </summary>
public sealed class DataVersion
{
    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>When the write that gave <see cref="Value"/> committed (UTC): what a replica's answer is as of.</summary>
    public DateTime ChangedAt { get; set; }
}

namespace WelfareGraph.ChangeFeed;

/// <summary>
/// One change in the feed national systems sync from. Sequences are handed out in commit order (see
/// <see cref="FeedClock"/>), so a reader that remembers the last sequence it saw never misses a change and never
/// sees one twice, even when writers commit out of the order they started in.
/// </summary>
public sealed class FeedEntry
{
    public long Sequence { get; set; }
    public FeedEntity Entity { get; set; }
    public ChangeKind Kind { get; set; }

    /// <summary>The record's key: (source system, external id) for contributions, the pseudonym for households, the code for
    /// centres, charities and counties.</summary>
    public required string SourceSystem { get; set; }
    public required string Key { get; set; }

    /// <summary>County of the record, so the feed is scoped like everything else.</summary>
    public int CountyId { get; set; }
    public DateTime CommittedAt { get; set; }

    /// <summary>The entry of one written record; its sequence and commit time are the stamper's.</summary>
    public static FeedEntry Of(FeedEntity entity, ChangeKind kind, string sourceSystem, string key, int countyId) =>
        new()
        {
            Entity = entity,
            Kind = kind,
            SourceSystem = sourceSystem,
            Key = key,
            CountyId = countyId,
        };
}

public enum FeedEntity
{
    Contribution = 1,
    Household = 2,
    Center = 3,
    Charity = 4,
    County = 5,
}

public enum ChangeKind
{
    Insert = 1,
    Update = 2,
    Retract = 3,
}

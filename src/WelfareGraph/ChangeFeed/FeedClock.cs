namespace WelfareGraph.ChangeFeed;

/// <summary>
/// A single row whose value is the last sequence handed out. A writer increments it as the last step of its
/// transaction; the row lock it takes is held until commit, so the next writer gets its sequences only after
/// this one has committed — sequences follow commit order on every provider.
/// </summary>
public sealed class FeedClock
{
    public int Id { get; set; }
    public long Value { get; set; }
}

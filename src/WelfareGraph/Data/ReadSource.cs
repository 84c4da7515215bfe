namespace WelfareGraph.Data;

/// <summary>Where one request reads: the replica (with the data version it had replayed when the request began) or the primary.</summary>
/// <param name="Reason">Why the primary, when it is: for logs and tests.</param>
public sealed record ReadSource(bool FromReplica, long? Version, DateTime? AsOf, string Reason)
{
    public static ReadSource Primary(string reason) => new(false, null, null, reason);
}

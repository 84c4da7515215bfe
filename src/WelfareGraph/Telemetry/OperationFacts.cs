namespace WelfareGraph.Telemetry;

/// <summary>
/// What the code answering an operation learns about it and the operation's span and metrics report: where
/// the answer came from (<c>county-rollup</c>, <c>rollup</c> or <c>facts</c>) and whether a cache answered it. The runner puts one
/// into every execution's user context under <see cref="Key"/>; a resolver that knows sets it.
/// </summary>
public sealed class OperationFacts
{
    public const string Key = "welfaregraph.operationFacts";

    /// <summary>
    /// The source of the answer, e.g. <c>county-rollup</c>, <c>facts</c> or several (<c>county-rollup+facts</c>); null when nothing said.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>Adds sources a field read (fields of one operation resolve concurrently).</summary>
    public void AddSources(IEnumerable<string> sources)
    {
        lock (this)
        {
            var all = (Source?.Split('+') ?? []).Concat(sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Source = all.Count == 0 ? null : string.Join('+', all);
        }
    }

    /// <summary>Whether a cache answered; null when no cache was asked.</summary>
    public bool? CacheHit { get; set; }

    /// <summary>The facts of an execution's user context, if it has them.</summary>
    public static OperationFacts? Of(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(Key, out var facts) ? facts as OperationFacts : null;
}

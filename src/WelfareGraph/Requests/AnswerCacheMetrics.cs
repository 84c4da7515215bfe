using System.Diagnostics.Metrics;

namespace WelfareGraph.Requests;

/// <summary>
/// The cache's counters on the <c>WelfareGraph</c> meter: hits, misses, answers not cached (errors, a write
/// during the answer, too large), and requests the cache could not serve (Redis away), which were answered from
/// the database.
/// </summary>
public sealed class AnswerCacheMetrics : IDisposable
{
    public const string MeterName = "WelfareGraph";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _uncached;
    private readonly Counter<long> _failures;

    public AnswerCacheMetrics()
    {
        _hits = _meter.CreateCounter<long>("welfaregraph.cache.hits", description: "Analytics answers served from the cache.");
        _misses = _meter.CreateCounter<long>("welfaregraph.cache.misses", description: "Analytics answers computed and cached.");
        _uncached = _meter.CreateCounter<long>("welfaregraph.cache.uncached", description: "Analytics answers computed and not cached.");
        _failures = _meter.CreateCounter<long>(
            "welfaregraph.cache.failures",
            description: "Requests the cache could not serve, answered from the database."
        );
    }

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);

    public void Uncached() => _uncached.Add(1);

    public void Failure() => _failures.Add(1);

    public void Dispose() => _meter.Dispose();
}

using System.Diagnostics.Metrics;

namespace WelfareGraph.Tests.Caching;

/// <summary>Reads the answer cache's counters from the <c>WelfareGraph</c> meter, as a metrics exporter would.</summary>
public sealed class CacheHitCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _hits;
    private long _misses;

    public CacheHitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "WelfareGraph" && instrument.Name.StartsWith("welfaregraph.cache.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(
            (instrument, value, _, _) =>
            {
                if (instrument.Name == "welfaregraph.cache.hits")
                    Interlocked.Add(ref _hits, value);
                else if (instrument.Name == "welfaregraph.cache.misses")
                    Interlocked.Add(ref _misses, value);
            }
        );
        _listener.Start();
    }

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public void Dispose() => _listener.Dispose();
}

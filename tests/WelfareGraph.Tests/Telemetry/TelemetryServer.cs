using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Telemetry;

/// <summary>The server with OpenTelemetry's in-memory exporters added beside its own: the spans and metrics it produced.</summary>
public sealed class TelemetryServer : IDisposable
{
    public TelemetryServer()
    {
        Factory = new WelfareGraphFactory
        {
            TestServices = services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            },
        };
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public List<Activity> Spans { get; } = [];
    public List<Metric> Metrics { get; } = [];
    public WelfareGraphFactory Factory { get; }
    public GraphQLClient Client { get; }

    /// <summary>The metrics as of now (the in-memory exporter holds what the last collection gave).</summary>
    public IReadOnlyList<Metric> CollectMetrics()
    {
        lock (Metrics)
        {
            Metrics.Clear();
            Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return [.. Metrics];
        }
    }

    public void Dispose() => Factory.Dispose();
}

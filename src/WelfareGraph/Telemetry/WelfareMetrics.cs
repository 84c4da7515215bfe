using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WelfareGraph.Telemetry;

/// <summary>
/// The server's metrics (meter <see cref="WelfareTelemetry.MeterName"/>). Tags are names and codes, never values a
/// caller sent. Other parts add their instruments to <see cref="Meter"/> (cache hits, replica lag).
/// </summary>
public sealed class WelfareMetrics
{
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _durations;
    private readonly Counter<long> _exportRows;
    private readonly Counter<long> _ingestedRows;
    private readonly Counter<long> _ingestionRejections;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _rateLimitCountedHere;

    public WelfareMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(WelfareTelemetry.MeterName);
        _operations = Counter("graphql.operations", "{operation}", "GraphQL operations executed, by operation name, outcome and source.");
        _durations = Meter.CreateHistogram<double>(
            InstrumentPrefix + "graphql.duration",
            "s",
            "How long GraphQL operations took to execute, by operation name and outcome."
        );
        _exportRows = Counter("export.rows", "{row}", "Rows written to export files, by format and mode.");
        _ingestedRows = Counter("ingestion.rows", "{row}", "Records written by ingestion, by kind.");
        _ingestionRejections = Counter("ingestion.rejections", "{row}", "Records refused by ingestion, by kind and error code.");
        _rateLimited = Counter("rate_limit.refused", "{request}", "Requests answered 429 by the per-caller rate limit.");
        _rateLimitCountedHere = Counter(
            "rate_limit.per_server",
            "{request}",
            "Requests whose rate limit this server counted alone because Redis, which shares the count, did not answer."
        );
    }

    // Every instrument's name is welfaregraph.<area>.<what>.
    private const string InstrumentPrefix = "welfaregraph.";

    private Counter<long> Counter(string name, string unit, string description) =>
        Meter.CreateCounter<long>(InstrumentPrefix + name, unit, description);

    /// <summary>The one meter of the server, for instruments defined elsewhere.</summary>
    public Meter Meter { get; }

    public void Operation(string operation, string outcome, string? source, TimeSpan duration)
    {
        var tags = new TagList { { "graphql.operation.name", operation }, { "outcome", outcome } };
        if (source is not null)
            tags.Add("welfaregraph.source", source);
        _operations.Add(1, tags);
        _durations.Record(duration.TotalSeconds, tags);
    }

    public void ExportRows(long rows, string format, string mode) =>
        _exportRows.Add(rows, new KeyValuePair<string, object?>("format", format), new KeyValuePair<string, object?>("mode", mode));

    public void Ingested(string kind, long rows) => _ingestedRows.Add(rows, new KeyValuePair<string, object?>("kind", kind));

    public void Rejected(string kind, string code, long rows) =>
        _ingestionRejections.Add(rows, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("code", code));

    public void RateLimited() => _rateLimited.Add(1);

    public void RateLimitCountedHere() => _rateLimitCountedHere.Add(1);
}

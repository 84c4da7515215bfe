using System.Diagnostics;
using System.Net.Http.Json;
using OpenTelemetry.Metrics;
using WelfareGraph.Requests;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Tests.Telemetry;

/// <summary>
/// A GraphQL operation's span (name, type, root fields, outcome and error codes — never its variables or its text)
/// and the metrics counted for it, read from OpenTelemetry's in-memory exporters.
/// </summary>
public sealed class OperationTelemetryTests(TelemetryServer server) : IClassFixture<TelemetryServer>
{
    private const string Query =
        "query TelemetryTotals($year: Int!, $note: String) { contributionTotals(period: { year: $year }, "
        + "unit: RIAL, where: { externalId: { neq: $note } }) { total { count } } }";

    /// <summary>A value the test sends as a variable, that must appear in no span anywhere.</summary>
    private const string Marker = "variable-value-7f3a9c";

    private async Task PostAsync(string query, object variables)
    {
        using var response = await server.Factory.CreateClient().PostAsJsonAsync("/graphql", new { query, variables });
        response.EnsureSuccessStatusCode();
    }

    private Activity[] SpansOf(string operation)
    {
        lock (server.Spans)
            return
            [
                .. server.Spans.Where(s =>
                    s.Source.Name == WelfareTelemetry.SourceName && Tag(s, OperationSpan.OperationName) == operation
                ),
            ];
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    [Fact]
    public async Task An_operation_has_its_span_with_names_and_outcome_and_no_values()
    {
        await PostAsync(Query, new { year = 1403, note = Marker });

        var span = Assert.Single(SpansOf("TelemetryTotals"));
        Assert.Equal("query TelemetryTotals", span.DisplayName);
        Assert.Equal("query", Tag(span, OperationSpan.OperationType));
        Assert.Equal(["contributionTotals"], (string[])span.GetTagItem(OperationSpan.RootFields)!);
        Assert.Equal("ok", Tag(span, OperationSpan.Outcome));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        // Nothing the answer is about: not the variables, not the document's text.
        Activity[] all;
        lock (server.Spans)
            all = [.. server.Spans];
        Assert.DoesNotContain(all.SelectMany(s => s.TagObjects), t => Text(t.Value).Contains(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(span.TagObjects, t => Text(t.Value).Contains("1403", StringComparison.Ordinal));
        Assert.DoesNotContain(span.TagObjects, t => Text(t.Value).Contains("{ total", StringComparison.Ordinal));
        // The operation's span sits inside the HTTP request's.
        Assert.Contains(all, s => s.SpanId == span.ParentSpanId && s.Source.Name == "Microsoft.AspNetCore");
    }

    [Fact]
    public async Task A_failed_operation_reports_its_error_code()
    {
        await PostAsync(
            "query TelemetryBadPeriod { contributionTotals(period: { year: 1404, toMonth: 13 }) { total { count } } }",
            new { }
        );
        var span = Assert.Single(SpansOf("TelemetryBadPeriod"));
        Assert.Equal("error", Tag(span, OperationSpan.Outcome));
        Assert.Equal(["INVALID_PERIOD"], (string[])span.GetTagItem(OperationSpan.ErrorCodes)!);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task Operations_are_counted_and_timed_per_operation()
    {
        const int Requests = 4;
        for (var i = 0; i < Requests; i++)
            await PostAsync(
                Query.Replace("TelemetryTotals", "TelemetryCounted", StringComparison.Ordinal),
                new { year = 1402 + i % 2, note = Marker }
            );

        var metrics = server.CollectMetrics();
        Assert.Equal(Requests, Sum(metrics, "welfaregraph.graphql.operations", "TelemetryCounted", p => p.GetSumLong()));
        Assert.Equal(Requests, Sum(metrics, "welfaregraph.graphql.duration", "TelemetryCounted", p => p.GetHistogramCount()));
        Assert.Equal(Requests, SpansOf("TelemetryCounted").Length);
    }

    private static long Sum(IEnumerable<Metric> metrics, string name, string operation, Func<MetricPoint, long> value)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                    tags[tag.Key] = tag.Value;
                if (
                    tags.TryGetValue(OperationSpan.OperationName, out var op)
                    && (string?)op == operation
                    && (string?)tags["outcome"] == "ok"
                )
                    total += value(point);
            }
        }
        return total;
    }

    private static string Text(object? value) => value is string[] list ? string.Join(' ', list) : value?.ToString() ?? "";
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WelfareGraph.Data;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// One dashboard user refreshing a totals visual back to back through the server (a closed loop), noting for each
/// answer how long it took, which database served it (<c>WelfareGraph-Read-From</c>) and, for the replica's answers,
/// how old their data was when it arrived (<c>extensions.dataAsOf</c> against the clock at arrival).
/// </summary>
public sealed class DashboardReader(HttpClient http)
{
    /// <param name="Version">The replica's <c>extensions.dataVersion</c>: which of the import's batches it had replayed.</param>
    /// <param name="Error">Why the answer was not a good one (status, GraphQL errors, no data); its timing is not a read's.</param>
    public sealed record Read(double Milliseconds, string? From, long? Version, double? AgeMilliseconds, string? Error);

    private static readonly DashboardWorkload.Operation Totals = DashboardWorkload.Operations.Single(o => o.Name == "contributionTotals");

    public async Task<List<Read>> ReadForAsync(TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        return await ReadUntilAsync(stop.Token);
    }

    /// <summary>Reads until <paramref name="stop"/> is signalled; the read under way then is finished, not cancelled.</summary>
    public async Task<List<Read>> ReadUntilAsync(CancellationToken stop)
    {
        var reads = new List<Read>();
        while (!stop.IsCancellationRequested)
            reads.Add(await ReadAsync());
        return reads;
    }

    private async Task<Read> ReadAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/graphql", Totals.Body);
        var body = await response.Content.ReadAsByteArrayAsync();
        var arrived = DateTime.UtcNow;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var from = response.Headers.TryGetValues(ReadRouting.ReadFromHeader, out var values) ? values.First() : null;
        // Errors are counted, not thrown: an answer the replica could not give mid-import is one of the findings.
        if (!response.IsSuccessStatusCode)
            return new Read(elapsed, from, null, null, $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.TryGetProperty("errors", out var errors))
            return new Read(elapsed, from, null, null, errors.GetRawText());
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            return new Read(elapsed, from, null, null, "no data: " + root.GetRawText());
        if (!root.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("dataAsOf", out var asOf))
            return new Read(elapsed, from, null, null, null); // the primary's answers carry neither
        var age = arrived - DateTime.Parse(asOf.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new Read(elapsed, from, extensions.GetProperty("dataVersion").GetInt64(), age.TotalMilliseconds, null);
    }
}

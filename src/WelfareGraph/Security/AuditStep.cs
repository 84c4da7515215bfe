using System.Diagnostics;
using System.Security.Claims;
using GraphQL;

namespace WelfareGraph.Security;

/// <summary>
/// The audit entry of one piece of an edge's work (a GraphQL operation, an export file, the Power BI model, a feed
/// response), and the one way every edge writes one: begun where the work starts (<see cref="AuditLog.Begin"/>), told
/// what was asked, how many rows went out and how the work ended, then recorded once (<see cref="RecordAsync"/>) with
/// the time between. The outcome's words are written here only: <c>ok</c>, <c>cancelled</c>, <c>timeout</c>, or
/// <c>errors:</c> and the distinct error codes.
/// </summary>
public sealed class AuditStep
{
    private readonly AuditLog _log;
    private readonly long _started = Stopwatch.GetTimestamp();

    internal AuditStep(AuditLog log, ClaimsPrincipal user, string kind, string document)
    {
        (_log, User, Kind, Document) = (log, user, kind, document);
    }

    public ClaimsPrincipal User { get; }

    /// <summary><c>query</c>, <c>mutation</c> or <c>export</c>.</summary>
    public string Kind { get; }

    /// <summary>What was run: a trusted document's id, the hash of a text, or the edge's own name for its resource.</summary>
    public string Document { get; }

    public string? Operation { get; set; }

    /// <summary>The root fields, or the parts of an export, it asked for.</summary>
    public IEnumerable<string> Fields { get; set; } = [];

    public int Rows { get; set; }

    /// <summary>What the totals were summed from (<c>rollup</c>, <c>facts</c>, <c>facts+rollup</c>); null when none were read.</summary>
    public string? Source { get; set; }

    public string Outcome { get; private set; } = "ok";

    public void Cancelled() => Outcome = "cancelled";

    public void TimedOut() => Outcome = "timeout";

    public void Failed(params IEnumerable<string> codes) => Outcome = Errors(codes);

    /// <summary>How a GraphQL execution ended.</summary>
    public void Ended(ExecutionResult result) => Outcome = OutcomeOf(result);

    /// <summary><c>ok</c>, or the distinct codes of the result's errors.</summary>
    public static string OutcomeOf(ExecutionResult result) =>
        result.Errors is { Count: > 0 } errors ? Errors(errors.Select(e => e.Code ?? "ERROR")) : "ok";

    private static string Errors(IEnumerable<string> codes) => "errors: " + string.Join(' ', codes.Distinct(StringComparer.Ordinal));

    /// <summary>Writes the entry; completes once it is stored, so the caller is answered only then.</summary>
    public Task RecordAsync() => _log.WriteAsync(this, Stopwatch.GetElapsedTime(_started));
}

using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using WelfareGraph.Data;
using WelfareGraph.Querying;

namespace WelfareGraph.Security;

/// <summary>
/// Records who ran which operation or export, when, with which scope and how many rows it returned — in
/// the <c>audit_log</c> table (read by Auditor and Admin through <c>auditLog</c>) and in the structured log.
/// Only identifiers go in: never variables, returned values or tokens. An operation that cannot be recorded
/// is not answered (the write failing fails the request); entries are written by <see cref="AuditWriter"/>.
/// </summary>
public sealed class AuditLog(AuditWriter writer, CallerScopes scopes, TimeProvider clock, ILogger<AuditLog> logger)
{
    /// <summary>Starts the audit entry of one piece of an edge's work, and its clock.</summary>
    /// <param name="kind"><c>query</c>, <c>mutation</c> or <c>export</c>.</param>
    /// <param name="document">A trusted document's id, the hash of a text, or the edge's name for what it serves.</param>
    /// <param name="fields">The root fields, or the parts of an export, it asks for (when known at the start).</param>
    public AuditStep Begin(
        ClaimsPrincipal user,
        string kind,
        string document,
        string? operation = null,
        IEnumerable<string>? fields = null
    ) => new(this, user, kind, document) { Operation = operation, Fields = fields ?? [] };

    internal async Task WriteAsync(AuditStep step, TimeSpan duration)
    {
        var user = step.User;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Subject = Truncate(SubjectOf(user), 128),
            Client = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value,
            Roles = string.Join(' ', WelfareRoles.Of(user).Order(StringComparer.Ordinal)),
            Scope = Truncate(scopes.Current.Description, 1000),
            Kind = step.Kind,
            Operation = step.Operation is { } operation ? Truncate(operation, 200) : null,
            Document = step.Document,
            Fields = Truncate(string.Join(' ', step.Fields), 1000),
            Rows = step.Rows,
            Outcome = Truncate(step.Outcome, 400),
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            Source = step.Source,
        };
        logger.LogInformation(
            "Audit: {Kind} {Operation} ({Document}: {Fields}) by {Subject} via {Client} "
                + "as {Roles} in scope {Scope}: {Rows} rows, {Outcome}, {DurationMs} ms",
            entry.Kind,
            entry.Operation,
            entry.Document,
            entry.Fields,
            entry.Subject,
            entry.Client,
            entry.Roles,
            entry.Scope,
            entry.Rows,
            entry.Outcome,
            entry.DurationMs
        );
        // Committed together with the entries of concurrent requests (group commit), and awaited: the caller is
        // answered only once its own entry is stored.
        await writer.WriteAsync(entry);
    }

    /// <summary>
    /// A document refused before it ran (limits, validation): the structured log only, since nothing was read
    /// and the refusal must cost no SQL.
    /// </summary>
    public void LogRefused(ClaimsPrincipal user, string document, ExecutionResult result) =>
        logger.LogInformation(
            "Refused: {Document} from {Subject} as {Roles}: {Outcome}",
            document,
            SubjectOf(user),
            string.Join(' ', WelfareRoles.Of(user).Order(StringComparer.Ordinal)),
            AuditStep.OutcomeOf(result)
        );

    /// <summary>Who the caller is, as entries record it (export jobs belong to it too): the object id, else the subject.</summary>
    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirst("oid")?.Value ?? user.FindFirst("sub")?.Value ?? "anonymous";

    /// <summary>The number of list items anywhere in the result: an approximation of the rows it returned.</summary>
    public static int CountRows(ExecutionResult result) => result.Data is ExecutionNode node ? Count(node) : 0;

    private static int Count(ExecutionNode node) =>
        node switch
        {
            ArrayExecutionNode { SerializedResult: WrittenList written } => written.Count,
            ArrayExecutionNode array => (array.Items?.Count ?? 0) + (array.Items?.Sum(Count) ?? 0),
            ObjectExecutionNode obj => obj.SubFields?.Sum(Count) ?? 0,
            _ => 0,
        };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

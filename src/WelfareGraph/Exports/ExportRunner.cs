using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Labels;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Requests;
using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Exports;

/// <summary>An export ready to write: its table (a stream of rows) and what the file and the audit log call it.</summary>
/// <param name="Title">The line above a layout sheet (XLSX only); null for tables whose header is row 1.</param>
public sealed record PreparedExport(
    ExportSpec Spec,
    ExportTable Table,
    string FileName,
    string Operation,
    IReadOnlyList<string> Fields,
    string? Title = null
)
{
    public string ContentType => ExportFormats.ContentType(Spec.Format);
}

/// <summary>
/// One export from request to file, shared by <c>POST /exports</c>, the named exports and background jobs:
/// the document (text or trusted id, with the trusted-only rule), the GraphQL execution, the table the mode
/// asks for, the writer of the format, and the audit log entry with the rows written.
/// </summary>
/// <remarks>The caller is passed to each step: the request's, or a background job's, with the service scope its resolvers run in.</remarks>
public sealed class ExportRunner(
    TrustedDocuments trusted,
    GraphQLLimits limits,
    IGraphQLTextSerializer serializer,
    GraphQLRunner runner,
    QueryLimitOptions queryLimits,
    IDbContextFactory<WelfareDbContext> contexts,
    TimeProvider clock,
    ExportOptions options,
    AuditLog audit,
    WelfareMetrics metrics
)
{
    /// <summary>The logging category of exports.</summary>
    public sealed class Log;

    /// <summary>Checks the request's document and turns the body into a spec.</summary>
    public ExportSpec Resolve(ClaimsPrincipal user, ExportRequest request)
    {
        var (resolved, refusal) = TrustedDocumentRules.Resolve(trusted, request.Id, request.Query, "export");
        if (refusal is not null)
            throw new ExportException(refusal.Message, refusal.Code, refusal.Status);
        var (query, document) = (resolved!.Text, resolved.Trusted);
        if (TrustedDocumentRules.CheckCaller(trusted, user, document, "export", "{\"id\": \"<operation name>\", ...}") is { } untrusted)
            throw new ExportException(untrusted.Message, untrusted.Code, untrusted.Status);
        // The document limits (length, tokens, depth) refuse a hostile document here, before a job is started for it.
        try
        {
            RequestDocument.TryParse(query, request.OperationName, limits);
        }
        catch (DocumentRefusedException refused)
        {
            throw new ExportException(refused.Error.Message, refused.Error.Code ?? "INVALID_REQUEST");
        }
        var variables =
            request.Inputs
            ?? (request.Variables is { ValueKind: JsonValueKind.Object } json ? serializer.Deserialize<Inputs>(json.GetRawText()) : null);
        return ExportSpec.Parse(request, query, document?.Id, variables);
    }

    /// <summary>
    /// Refuses, before anything runs, a document whose root fields the access policy does not open to the caller: the
    /// refusal the query's own authorization would give (403 with the fields' errors), so that a job is not accepted
    /// for a document that would fail once it runs, and an export runs no SQL for the fields it may use beside them.
    /// </summary>
    /// <exception cref="ExportQueryException">A root field is refused.</exception>
    public void Authorize(ClaimsPrincipal user, ExportSpec spec)
    {
        // A document that does not parse is left to the executer, which says where; the limits were checked by Resolve.
        if (RequestDocument.TryParse(spec.Query, spec.OperationName, limits) is not { } document)
            return;
        if (runner.RefusedRootFields(user, document) is { Count: > 0 } refusals)
            throw new ExportQueryException(new ExecutionResult { Errors = [.. refusals] }, StatusCodes.Status403Forbidden);
    }

    /// <summary>Runs the query and builds the table; nothing has been written yet, so errors can still be a status code.</summary>
    /// <param name="resolverServices">The caller's service scope, in which the export's query is resolved.</param>
    public async Task<PreparedExport> PrepareAsync(
        ClaimsPrincipal user,
        IServiceProvider resolverServices,
        ExportSpec spec,
        CancellationToken cancellationToken
    )
    {
        Authorize(user, spec);
        var executed = await ExportExecution.ExecuteAsync(runner, limits, user, resolverServices, spec, cancellationToken);
        Language? labels = spec.LabelValues ? spec.Language : null;
        var table = spec.Mode switch
        {
            ExportMode.Underlying => UnderlyingRows.Create(user, executed.Root, queryLimits, clock, contexts),
            ExportMode.Layout => PivotTables.Build(ResultTables.Read(executed.Result), spec.Layout!, spec.Language, labels),
            _ => ResultTables.Read(executed.Result).ToExportTable(),
        };
        table = table.WithSolarDates(spec.Language);
        if (labels is { } language)
            table = table.WithLabels(language);
        var operation = spec.OperationName ?? executed.Result.Operation?.Name?.StringValue ?? executed.Root.Name;
        var period = ExportExecution.Period(executed.Root, clock);
        var fields =
            executed
                .Result.Operation?.SelectionSet.Selections.OfType<GraphQLParser.AST.GraphQLField>()
                .Select(f => f.Name.StringValue)
                .ToList()
            ?? [executed.Root.Name];
        // Only a layout sheet is for people to read as it is; the other tables are read by programs from row 1.
        var title =
            spec.Mode == ExportMode.Layout
                ? ExportTitles.For(
                    operation,
                    period,
                    executed.Root.Argument("unit") as MoneyUnit?,
                    SolarCalendar.NowInTehran(clock),
                    spec.Language
                )
                : null;
        return new PreparedExport(
            spec,
            table,
            ExportFileNames.For(operation, period, spec.Mode, spec.Format),
            operation,
            [.. fields, $"export:{spec.Mode.ToString().ToLowerInvariant()}:{ExportFormats.Extension(spec.Format)}"],
            title
        );
    }

    /// <summary>Writes the file and records the export in the audit log, whether it completed or not.</summary>
    public async Task<long> WriteAsync(
        ClaimsPrincipal user,
        PreparedExport export,
        Stream destination,
        ExportProgress progress,
        CancellationToken cancellationToken
    )
    {
        var recording = BeginAudit(user, export.Spec, export.Operation, export.Fields);
        try
        {
            await ExportFormats.WriteAsync(
                export.Spec.Format,
                destination,
                export.Table,
                export.Spec.Language,
                options,
                export.Title,
                progress,
                cancellationToken
            );
            return progress.Rows;
        }
        catch (OperationCanceledException)
        {
            recording.Cancelled();
            throw;
        }
        catch (Exception e)
        {
            recording.Failed(e is ExportException x ? x.Code : "EXPORT_FAILED");
            throw;
        }
        finally
        {
            metrics.ExportRows(progress.Rows, ExportFormats.Extension(export.Spec.Format), export.Spec.Mode.ToString().ToLowerInvariant());
            recording.Rows = (int)Math.Min(int.MaxValue, progress.Rows);
            await recording.RecordAsync();
        }
    }

    /// <summary>
    /// Begins an export's audit entry. An export that fails before writing is audited too (who tried what, and why it was
    /// refused), as one asking for <c>export</c> of the operation the request names.
    /// </summary>
    public AuditStep BeginAudit(ClaimsPrincipal user, ExportSpec spec, string? operation = null, IEnumerable<string>? fields = null) =>
        audit.Begin(
            user,
            "export",
            spec.TrustedId ?? TrustedDocuments.HashOf(spec.Query),
            operation ?? spec.OperationName,
            fields ?? ["export"]
        );
}

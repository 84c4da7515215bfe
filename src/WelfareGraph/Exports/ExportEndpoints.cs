using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using WelfareGraph.Data;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Http;
using WelfareGraph.Requests;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>
/// <c>POST /exports</c> (any GraphQL query) and <c>GET /exports/{operation}.{format}</c> (a trusted operation,
/// for links that Power BI's Web connector and scheduled refresh can call). The file streams as it is written;
/// an export that fails after the first byte aborts the connection, so a client never takes a cut-off file for
/// a whole one.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Query parameters of a named export that are not the operation's variables.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "mode",
        "lang",
        "codes",
        "variables",
        "layout",
        "operationName",
    };

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints
            .MapGroup("/exports")
            .RequireRateLimiting(WelfareRateLimiting.Policy)
            .RequireAdmittedCaller()
            .WithMetadata(StreamsFile.Instance);
        exports.MapPost("", PostAsync);
        exports.MapGet("/{operation}.{format}", GetNamedAsync);
    }

    private static async Task PostAsync(HttpContext http, [AsParameters] ExportServices services)
    {
        var request = await ReadBodyAsync(http, services.Limits);
        if (request is null)
            return;
        ExportSpec spec;
        try
        {
            spec = services.Runner.Resolve(http.User, request);
        }
        catch (ExportException e)
        {
            await RefusalResponse.WriteAsync(http, e.Status, e.Message, e.Code);
            return;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status400BadRequest,
                $"`variables` is not a JSON object of variables: {UnreadableRequest.Describe(e)}.",
                "INVALID_REQUEST"
            );
            return;
        }
        await ServeAsync(http, services, spec);
    }

    private static async Task GetNamedAsync(HttpContext http, string operation, string format, [AsParameters] ExportServices services)
    {
        var query = http.Request.Query;
        ExportSpec spec;
        try
        {
            var document =
                services.Trusted.Find(operation)
                ?? throw new ExportException(
                    $"There is no trusted operation '{operation}' (schema/operations/{operation}.graphql).",
                    "TRUSTED_DOCUMENT_NOT_FOUND",
                    StatusCodes.Status404NotFound
                );
            var request = new ExportRequest
            {
                Id = document.Id,
                Format = format,
                Mode = query["mode"],
                Lang = query["lang"],
                Codes =
                    string.IsNullOrEmpty(query["codes"]) ? null
                    : bool.TryParse(query["codes"], out var codes) ? codes
                    : throw new ExportException($"`codes: {query["codes"]}` is not one of true, false."),
                OperationName = string.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Layout = string.IsNullOrEmpty(query["layout"])
                    ? null
                    : JsonSerializer.Deserialize<PivotLayout>(query["layout"]!, ExportJson.Options),
            };
            request.Inputs = Variables(http, services, document.Text, request.OperationName);
            spec = services.Runner.Resolve(http.User, request);
        }
        catch (ExportException e)
        {
            await RefusalResponse.WriteAsync(http, e.Status, e.Message, e.Code);
            return;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status400BadRequest,
                $"A query parameter could not be read: {UnreadableRequest.Describe(e)}.",
                "INVALID_REQUEST"
            );
            return;
        }
        await ServeAsync(http, services, spec);
    }

    /// <summary>
    /// The operation's variables from the query string: <c>variables=&lt;JSON&gt;</c>, and each top-level scalar
    /// variable as a parameter of its own (<c>?province=IR-19&amp;year=1404</c>), typed by its declaration.
    /// </summary>
    private static Inputs? Variables(HttpContext http, ExportServices services, string text, string? operationName)
    {
        var query = http.Request.Query;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(query["variables"]))
            foreach (var (name, value) in services.Serializer.Deserialize<Inputs>(query["variables"]!) ?? Inputs.Empty)
                values[name] = value;
        var document =
            RequestDocument.TryParse(text, operationName, services.Limits)
            ?? throw new ExportException("The trusted document has several operations: name one with `operationName`.", "INVALID_REQUEST");
        var declared =
            document.Operation.Variables?.Items.ToDictionary(v => v.Variable.Name.StringValue, v => v.Type, StringComparer.Ordinal) ?? [];
        foreach (var (name, raw) in query)
        {
            if (Reserved.Contains(name))
                continue;
            if (!declared.TryGetValue(name, out var type))
                throw new ExportException(
                    $"`{name}` is not a variable of this operation; its variables are: {string.Join(", ", declared.Keys)}.",
                    "INVALID_REQUEST"
                );
            values[name] = Scalar(name, NamedType(type), raw.ToString());
        }
        return values.Count == 0 ? null : new Inputs(values);
    }

    private static string? NamedType(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType nonNull => NamedType(nonNull.Type),
            GraphQLNamedType named => named.Name.StringValue,
            _ => null,
        };

    private static object Scalar(string name, string? type, string text) =>
        type switch
        {
            null => throw new ExportException($"`{name}` is a list: give it in `variables` as JSON.", "INVALID_REQUEST"),
            "Int" => int.Parse(text, CultureInfo.InvariantCulture),
            "Long" => long.Parse(text, CultureInfo.InvariantCulture),
            "Float" => double.Parse(text, CultureInfo.InvariantCulture),
            "Decimal" => decimal.Parse(text, CultureInfo.InvariantCulture),
            "Boolean" => bool.Parse(text),
            // Strings, ids, dates and enum values: the executer coerces text to each (and refuses what is not).
            _ => text,
        };

    /// <summary>The export request in the body (of a file export or a job), or null once the refusal is written.</summary>
    internal static async Task<ExportRequest?> ReadBodyAsync(HttpContext http, GraphQLLimits limits)
    {
        if (!GraphQLMediaTypes.IsJsonRequest(http.Request))
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status415UnsupportedMediaType,
                "An export request is a JSON object (Content-Type: application/json).",
                "UNSUPPORTED_MEDIA_TYPE"
            );
            return null;
        }
        var limit = limits.MaxRequestBytes;
        if (await RequestBody.ReadBoundedAsync(http.Request, limit, http.RequestAborted) is not { } body)
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than {limit} bytes.",
                "REQUEST_TOO_LARGE"
            );
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ExportRequest>(body, ExportJson.Options) ?? throw new JsonException("Empty request.");
        }
        catch (JsonException e)
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status400BadRequest,
                $"The request body is not a valid export request: {UnreadableRequest.Describe(e)}.",
                "INVALID_REQUEST"
            );
            return null;
        }
    }

    /// <summary>
    /// The export's query was refused or failed before anything was written (of a file export or a job): audited, and
    /// answered with its GraphQL errors.
    /// </summary>
    internal static async Task RefuseAsync(HttpContext http, ExportServices services, AuditStep audit, ExportQueryException e)
    {
        audit.Ended(e.Result);
        await audit.RecordAsync();
        http.Response.StatusCode = e.Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await services.Serializer.WriteAsync(http.Response.Body, e.Result, http.RequestAborted);
    }

    /// <summary>Prepares, then streams the file; refusals before the first byte are status codes with a JSON error.</summary>
    private static async Task ServeAsync(HttpContext http, ExportServices services, ExportSpec spec)
    {
        var refusal = services.Runner.BeginAudit(http.User, spec);
        PreparedExport export;
        try
        {
            export = await services.Runner.PrepareAsync(http.User, services.ResolverServices, spec, http.RequestAborted);
        }
        catch (ExportQueryException e)
        {
            await RefuseAsync(http, services, refusal, e);
            return;
        }
        catch (ExportException e)
        {
            refusal.Failed(e.Code);
            await refusal.RecordAsync();
            await RefusalResponse.WriteAsync(http, e.Status, e.Message, e.Code);
            return;
        }

        ExportFileNames.SetAttachment(http.Response, export.ContentType, export.FileName);
        try
        {
            await services.Runner.WriteAsync(http.User, export, http.Response.Body, new ExportProgress(), http.RequestAborted);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Before the first byte the outage is a 503 (written by the outage middleware); after it, an abort as below.
            if (!http.Response.HasStarted && DatabaseOutage.IsOutage(e))
                throw;
            if (!http.Response.HasStarted && e is ExportException refused)
            {
                http.Response.Headers.ContentDisposition = default;
                await RefusalResponse.WriteAsync(http, refused.Status, refused.Message, refused.Code);
                return;
            }
            services.Log.LogError(e, "Export {File} failed while streaming", export.FileName);
            http.Abort();
        }
        catch (OperationCanceledException)
        {
            // The client went away; nothing to answer.
        }
    }
}

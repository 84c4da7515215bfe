using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using WelfareGraph.Querying;
using WelfareGraph.Requests;
using WelfareGraph.Schema;
using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Http;

/// <summary>
/// GraphQL over HTTP (POST and GET, application/graphql-response+json and application/json), with the
/// status codes the specification gives for each media type; JSON-array batches; trusted documents by id.
/// In front of execution: the request's size, the caller's authentication (401) and delegated permission
/// (403), trusted-only callers; around it: the request's deadline and the audit log.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, PostAsync).RequireRateLimiting(WelfareRateLimiting.Policy);
        endpoints.MapGet(path, GetAsync).RequireRateLimiting(WelfareRateLimiting.Policy);
        return endpoints;
    }

    /// <summary>One GraphQL request as sent: a query, or the id of a trusted document (<c>id</c> or <c>documentId</c>).</summary>
    private sealed record Incoming(GraphQLRequest Request, string? Id);

    /// <summary>A request ready to run, or the reason it cannot.</summary>
    /// <param name="Key">What the audit log calls the document: the trusted id, or the hash of the text.</param>
    /// <param name="InDocument">The error is the document's (too many tokens, nested past the parser): answered by media type, as a parse
    /// error is.</param>
    private sealed record Prepared(
        GraphQLRequest Request,
        string? Query,
        TrustedDocument? Trusted,
        RequestDocument? Document,
        ExecutionError? Error,
        string Key = "-",
        bool InDocument = false
    );

    private static async Task PostAsync(HttpContext http, [AsParameters] GraphQLServices services)
    {
        var mediaType = await NegotiateAsync(http, services);
        if (mediaType is null)
            return;
        if (!GraphQLMediaTypes.IsJsonRequest(http.Request))
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status415UnsupportedMediaType,
                mediaType,
                "A GraphQL POST must have Content-Type application/json.",
                "UNSUPPORTED_MEDIA_TYPE"
            );
            return;
        }

        var limits = services.Limits;
        var body = await RequestBody.ReadBoundedAsync(http.Request, limits.MaxRequestBytes, http.RequestAborted);
        if (body is null)
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status413PayloadTooLarge,
                mediaType,
                $"The request body is larger than {limits.MaxRequestBytes} bytes.",
                "REQUEST_TOO_LARGE"
            );
            return;
        }

        List<Incoming> requests;
        bool isBatch;
        try
        {
            (requests, isBatch) = Parse(body, services.Serializer);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status400BadRequest,
                mediaType,
                $"The request body is not a valid GraphQL request in JSON: {UnreadableRequest.Describe(e)}.",
                "INVALID_REQUEST"
            );
            return;
        }
        if (isBatch && (requests.Count == 0 || requests.Count > limits.MaxBatchSize))
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status400BadRequest,
                mediaType,
                $"A batch holds 1 to {limits.MaxBatchSize} requests; this one holds {requests.Count}.",
                "BATCH_TOO_LARGE"
            );
            return;
        }
        await RunAsync(http, services, requests, isBatch, mediaType, isGet: false);
    }

    private static async Task GetAsync(HttpContext http, [AsParameters] GraphQLServices services)
    {
        if (SchemaDownload.IsRequested(http.Request))
        {
            await SchemaDownload.ServeAsync(http, services.Limits, services.Environment, services.Schema);
            return;
        }
        var query = http.Request.Query;
        if (!query.ContainsKey("query") && !query.ContainsKey("id") && !query.ContainsKey("documentId") && AcceptsHtml(http.Request))
        {
            // A browser opening /graphql gets the IDE.
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + "/" + http.Request.QueryString);
            return;
        }
        var mediaType = await NegotiateAsync(http, services);
        if (mediaType is null)
            return;
        var limits = services.Limits;
        if (http.Request.QueryString.Value?.Length > limits.MaxDocumentLength)
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status414UriTooLong,
                mediaType,
                $"The query string is longer than {limits.MaxDocumentLength} characters.",
                "REQUEST_TOO_LARGE"
            );
            return;
        }

        Incoming request;
        try
        {
            var serializer = services.Serializer;
            request = new Incoming(
                new GraphQLRequest
                {
                    Query = query["query"],
                    OperationName = query["operationName"],
                    Variables = string.IsNullOrEmpty(query["variables"]) ? null : serializer.Deserialize<Inputs>(query["variables"]),
                    Extensions = string.IsNullOrEmpty(query["extensions"]) ? null : serializer.Deserialize<Inputs>(query["extensions"]),
                    DocumentId = query["documentId"],
                },
                query["id"]
            );
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status400BadRequest,
                mediaType,
                $"`variables` or `extensions` is not a JSON object: {UnreadableRequest.Describe(e)}.",
                "INVALID_REQUEST"
            );
            return;
        }
        await RunAsync(http, services, [request], isBatch: false, mediaType, isGet: true);
    }

    private static async Task RunAsync(
        HttpContext http,
        GraphQLServices services,
        List<Incoming> requests,
        bool isBatch,
        string mediaType,
        bool isGet
    )
    {
        var (trusted, limits) = (services.Trusted, services.Limits);
        var prepared = requests.Select(r => Prepare(r, trusted, limits)).ToList();

        // Who may run anything at all: admitted callers (the one admission of every edge), or anyone asking only
        // for the schema where introspection is open.
        if (CallerAdmission.Check(http.User, export: null) is { } refusal)
        {
            var introspectionOnly = prepared.All(p => p.Document?.IsIntrospectionOnly == true);
            var anonymousSchema =
                refusal.Code == CallerAdmission.NotAuthenticated
                && introspectionOnly
                && limits.IntrospectionFor(services.Environment) == IntrospectionAccess.Anonymous;
            if (!anonymousSchema)
            {
                await refusal.ChallengeAsync(http);
                await WriteAsync(http, services.Serializer, refusal.Status, mediaType, Error(refusal.Message, refusal.Code));
                return;
            }
        }

        // Documents that only read may be answered by the replica; one mutation in a batch keeps the whole batch on
        // the primary, so the batch's later reads see its writes.
        if (prepared.All(p => p.Document is { IsMutation: false }))
            await services.Routing.ChooseAsync(http, http.RequestAborted);

        var results = new List<(int Status, ExecutionResult Result, Task Audit)>(prepared.Count);
        foreach (var request in prepared)
            results.Add(await ExecuteAsync(http, services, request, mediaType, isGet));

        // The audit rows are written while the response is serialized, and the response is sent only once
        // they are stored: an operation that cannot be recorded is not answered.
        object body = isBatch ? results.Select(r => r.Result).ToList() : results[0].Result;
        var status = isBatch ? StatusCodes.Status200OK : results[0].Status;
        if (results.Any(r => DatabaseUnavailable.In(r.Result)))
            status = StatusCodes.Status503ServiceUnavailable;
        if (status == StatusCodes.Status405MethodNotAllowed)
            http.Response.Headers.Allow = "POST";
        var serialized = await SerializeAsync(http, services.Serializer, body);
        await Task.WhenAll(results.Select(r => r.Audit));
        await WriteAsync(http, status, mediaType, serialized);
    }

    private static Prepared Prepare(Incoming incoming, TrustedDocuments trusted, GraphQLLimits limits)
    {
        var request = incoming.Request;
        var id = incoming.Id ?? request.DocumentId;
        // A text past the length limit is refused before it is hashed.
        if (id is null && request.Query is { } sent && RequestDocument.TooLong(sent, limits) is { } tooLong)
            return Refused(request, tooLong);
        var (resolved, refusal) = TrustedDocumentRules.Resolve(trusted, id, request.Query, "request");
        if (refusal is not null)
            return Refused(request, new ExecutionError(refusal.Message) { Code = refusal.Code });
        var (text, match, key) = (resolved!.Text, resolved.Trusted, resolved.Key);
        try
        {
            return new Prepared(request, text, match, RequestDocument.TryParse(text, request.OperationName, limits), null, key);
        }
        catch (DocumentRefusedException refused)
        {
            return Refused(request, refused.Error, key) with { InDocument = true };
        }
    }

    private static Prepared Refused(GraphQLRequest request, ExecutionError error, string key = "-") =>
        new(request, null, null, null, error, key);

    /// <returns>The status and result, and the audit entry's write, started but not awaited.</returns>
    private static async Task<(int Status, ExecutionResult Result, Task Audit)> ExecuteAsync(
        HttpContext http,
        GraphQLServices services,
        Prepared request,
        string mediaType,
        bool isGet
    )
    {
        if (request.Error is { } error)
            return (
                request.InDocument && mediaType != GraphQLMediaTypes.GraphQLResponse
                    ? StatusCodes.Status200OK
                    : StatusCodes.Status400BadRequest,
                new ExecutionResult { Errors = [error] },
                Task.CompletedTask
            );
        if (isGet && request.Document?.IsMutation == true)
            return (
                StatusCodes.Status405MethodNotAllowed,
                Error("Mutations must be sent with POST, not GET.", "METHOD_NOT_ALLOWED"),
                Task.CompletedTask
            );
        if (
            TrustedDocumentRules.CheckCaller(
                services.Trusted,
                http.User,
                request.Trusted,
                "run",
                "{\"id\": \"<operation name>\", \"variables\": {...}}"
            ) is
            { } untrusted
        )
            return (untrusted.Status, Error(untrusted.Message, untrusted.Code), Task.CompletedTask);

        // The request's one deadline (parsing, validation and execution share it) is its RequestAborted: every
        // resolver passes it to EF, so the database command itself is cancelled (on SQLite, interrupted).
        var deadline = RequestDeadline.Of(http)!;
        var audit = request.Document is { IsIntrospectionOnly: false } document
            ? services.Audit.Begin(
                http.User,
                document.IsMutation ? "mutation" : "query",
                request.Key,
                document.Operation.Name?.StringValue,
                document.RootFields
            )
            : null;
        var options = GraphQLRunner.Options(
            request.Query,
            request.Request.OperationName,
            request.Request.Variables,
            http.User,
            services.ResolverServices,
            http.RequestAborted
        );
        // Parsed once, in Prepare; null leaves the parse (and its errors) to the executer.
        options.Document = request.Document?.Document;
        options.Extensions = request.Request.Extensions;
        // The result is only serialized (and counted for the audit), so large lists may be written as they resolve.
        // The resolvers fill in where the answer came from; the span and the audit entry read it.
        var facts = new OperationFacts();
        options.UserContext = new Dictionary<string, object?>
        {
            [ListWritingExecutionStrategy.Requested] = true,
            [OperationFacts.Key] = facts,
        };
        var execution = () => services.Runner.ExecuteAsync(options, deadline);
        // Dashboards' aggregates come from the shared cache when it holds them at the data's current version.
        var ((result, timedOut), cachedRows) =
            request.Document is { } read && services.Cache.Accepts(read)
                ? await services.Cache.RunAsync(http, read, request.Request, execution)
                : (await execution(), null);

        if (result.Executed && request.Document is { } executed)
            await DataVersionExtensions.AddAsync(http, result, executed.IsMutation, services.ResolverServices);

        var recorded = Task.CompletedTask;
        if ((result.Executed || timedOut) && audit is not null)
        {
            audit.Rows = cachedRows ?? AuditLog.CountRows(result);
            audit.Source = cachedRows is null ? facts.Source : null;
            if (timedOut)
                audit.TimedOut();
            else
                audit.Ended(result);
            recorded = audit.RecordAsync();
        }
        else if (!result.Executed && !timedOut)
            services.Audit.LogRefused(http.User, request.Key, result);

        // Documents that never executed (syntax, validation, variable coercion) are a 400 for
        // graphql-response+json; legacy application/json clients get 200 with errors.
        var status =
            !result.Executed && !timedOut && mediaType == GraphQLMediaTypes.GraphQLResponse
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status200OK;
        return (status, result, recorded);
    }

    /// <summary>A JSON object is one request, a JSON array a batch of them.</summary>
    private static (List<Incoming> Requests, bool IsBatch) Parse(byte[] body, IGraphQLTextSerializer serializer)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Object => ([ParseOne(root, "$", serializer)], false),
            JsonValueKind.Array => ([.. root.EnumerateArray().Select((e, i) => ParseOne(e, $"$[{i}]", serializer))], true),
            _ => throw new JsonException("Expected a JSON object (one request) or an array of them (a batch)."),
        };
    }

    /// <summary>The members of a GraphQL request and the JSON kind each must have when present and not null.</summary>
    private static readonly (string Name, JsonValueKind Kind, string What)[] Members =
    [
        ("query", JsonValueKind.String, "a string"),
        ("operationName", JsonValueKind.String, "a string"),
        ("variables", JsonValueKind.Object, "an object"),
        ("extensions", JsonValueKind.Object, "an object"),
    ];

    private static Incoming ParseOne(JsonElement element, string path, IGraphQLTextSerializer serializer)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException("Each request must be a JSON object.", path, null, null);
        // Checked here so the client hears which member is wrong; the serializer would only say "at $".
        foreach (var (name, kind, what) in Members)
        {
            if (element.TryGetProperty(name, out var member) && member.ValueKind != kind && member.ValueKind != JsonValueKind.Null)
                throw new JsonException($"`{name}` must be {what}", $"{path}.{name}", null, null);
        }
        var request = serializer.ReadNode<GraphQLRequest>(element) ?? throw new JsonException("Empty request.");
        var id = element.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new Incoming(request, id);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(m => string.Equals(m.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase));

    private static ExecutionResult Error(string message, string code) => new() { Errors = [new ExecutionError(message) { Code = code }] };

    /// <summary>The response's media type, or null once a 406 has been written.</summary>
    private static async Task<string?> NegotiateAsync(HttpContext http, GraphQLServices services)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request);
        if (mediaType is null)
            await RejectAsync(
                http,
                services.Serializer,
                StatusCodes.Status406NotAcceptable,
                GraphQLMediaTypes.Json,
                "The Accept header allows neither application/graphql-response+json nor application/json.",
                "NOT_ACCEPTABLE"
            );
        return mediaType;
    }

    private static Task RejectAsync(
        HttpContext http,
        IGraphQLTextSerializer serializer,
        int status,
        string mediaType,
        string message,
        string code
    ) => WriteAsync(http, serializer, status, mediaType, Error(message, code));

    private static async Task WriteAsync(
        HttpContext http,
        IGraphQLTextSerializer serializer,
        int status,
        string mediaType,
        object result
    ) => await WriteAsync(http, status, mediaType, await SerializeAsync(http, serializer, result));

    private static async Task WriteAsync(HttpContext http, int status, string mediaType, MemoryStream json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = json.Length;
        await http.Response.Body.WriteAsync(json.GetBuffer().AsMemory(0, (int)json.Length), Caller(http));
    }

    private static async Task<MemoryStream> SerializeAsync(HttpContext http, IGraphQLTextSerializer serializer, object result)
    {
        var json = new MemoryStream();
        await serializer.WriteAsync(json, result, Caller(http));
        return json;
    }

    /// <summary>
    /// The answer is written even past the deadline (it may be the one that says so); Kestrel's minimum data rate bounds a slow reader.
    /// </summary>
    private static CancellationToken Caller(HttpContext http) => RequestDeadline.Of(http)?.Caller ?? http.RequestAborted;
}

using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using WelfareGraph.Schema;

namespace WelfareGraph.Http;

/// <summary>
/// GraphQL over HTTP (POST and GET, application/graphql-response+json and application/json), with the
/// status codes the specification gives for each media type.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, PostAsync);
        endpoints.MapGet(path, GetAsync);
        return endpoints;
    }

    private static async Task PostAsync(HttpContext http)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request);
        if (mediaType is null) { await RejectAsync(http, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json, "The Accept header allows neither application/graphql-response+json nor application/json.", "NOT_ACCEPTABLE"); return; }
        if (!GraphQLMediaTypes.IsJsonRequest(http.Request)) { await RejectAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, "A GraphQL POST must have Content-Type application/json.", "UNSUPPORTED_MEDIA_TYPE"); return; }

        GraphQLRequest? request;
        try
        {
            var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, mediaType, $"The request body is not a valid GraphQL request in JSON: {e.Message}", "INVALID_REQUEST");
            return;
        }
        await ExecuteAsync(http, request, mediaType, isGet: false);
    }

    private static async Task GetAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (!query.ContainsKey("query") && AcceptsHtml(http.Request))
        {
            // A browser opening /graphql gets the IDE.
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + "/" + http.Request.QueryString);
            return;
        }
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request);
        if (mediaType is null) { await RejectAsync(http, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json, "The Accept header allows neither application/graphql-response+json nor application/json.", "NOT_ACCEPTABLE"); return; }

        GraphQLRequest request;
        try
        {
            var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = query["operationName"],
                Variables = string.IsNullOrEmpty(query["variables"]) ? null : serializer.Deserialize<Inputs>(query["variables"]),
                Extensions = string.IsNullOrEmpty(query["extensions"]) ? null : serializer.Deserialize<Inputs>(query["extensions"]),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, mediaType, $"`variables` or `extensions` is not a JSON object: {e.Message}", "INVALID_REQUEST");
            return;
        }
        await ExecuteAsync(http, request, mediaType, isGet: true);
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, string mediaType, bool isGet)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, mediaType, "The request has no `query`.", "INVALID_REQUEST");
            return;
        }
        if (isGet && IsMutation(request))
        {
            http.Response.Headers.Allow = "POST";
            await RejectAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST, not GET.", "METHOD_NOT_ALLOWED");
            return;
        }

        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<WelfareSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });

        // Documents that never executed (syntax, validation, variable coercion) are a 400 for
        // graphql-response+json; legacy application/json clients get 200 with errors.
        var status = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await WriteAsync(http, status, mediaType, result);
    }

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(request.Query!);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return operation?.Operation is OperationType.Mutation or OperationType.Subscription;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executer reports the syntax error precisely
        }
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(m => string.Equals(m.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase));

    private static Task RejectAsync(HttpContext http, int status, string mediaType, string message, string code) =>
        WriteAsync(http, status, mediaType, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });

    private static async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}

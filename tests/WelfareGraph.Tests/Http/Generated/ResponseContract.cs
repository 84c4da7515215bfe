using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>An answer as received: status, Content-Type and the body's text.</summary>
public sealed record ReceivedResponse(int Status, string? ContentType, string Body)
{
    public static async Task<ReceivedResponse> ReadAsync(HttpResponseMessage response) =>
        new((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());

    public override string ToString() => $"{Status} {ContentType}: {(Body.Length > 3000 ? Body[..3000] + "…" : Body)}";
}

/// <summary>
/// What the GraphQL over HTTP specification lets a server answer, checked independently of the server's code:
/// the status codes, the negotiated media type, and the shape of a GraphQL response (or a batch of them).
/// </summary>
public static class ResponseContract
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>Statuses of the transport itself: authentication, method, media types, sizes, rate limits, unavailability.</summary>
    private static readonly HashSet<int> Allowed = [200, 400, 401, 403, 405, 406, 413, 414, 415, 429, 503];

    /// <summary>
    /// Codes that say the HTTP request itself was not a well-formed GraphQL request (or was not admitted), as opposed to a document error.
    /// </summary>
    private static readonly HashSet<string> RequestCodes =
    [
        "INVALID_REQUEST",
        "BATCH_TOO_LARGE",
        "REQUEST_TOO_LARGE",
        "DOCUMENT_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE",
        "NOT_ACCEPTABLE",
        "METHOD_NOT_ALLOWED",
        "AUTH_NOT_AUTHENTICATED",
        "AUTH_INSUFFICIENT_SCOPE",
        "TRUSTED_DOCUMENT_NOT_FOUND",
        "TRUSTED_DOCUMENT_MISMATCH",
        "TRUSTED_DOCUMENT_REQUIRED",
    ];

    /// <summary>The media type a server must answer in for this Accept header, or null when it may answer 406.</summary>
    public static string? Negotiated(string? accept)
    {
        // A request without Accept is a legacy client: application/json.
        if (string.IsNullOrWhiteSpace(accept))
            return Json;
        var ranges = accept
            .Split(',')
            .Select(r => MediaTypeWithQualityHeaderValue.TryParse(r.Trim(), out var m) ? m : null)
            .OfType<MediaTypeWithQualityHeaderValue>();
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var type = range.MediaType?.ToLowerInvariant();
            if (type == GraphQLResponse)
                return GraphQLResponse;
            if (type == Json)
                return Json;
            if (type is "*/*" or "application/*")
                return GraphQLResponse;
        }
        return null;
    }

    /// <summary>
    /// Throws when the answer breaks the contract; returns whether it executed: data, and no errors (in every result of a batch).
    /// </summary>
    public static bool Check(GeneratedRequest request, ReceivedResponse response)
    {
        if (response.Status >= 500)
            Fail("a server error", response);
        if (!Allowed.Contains(response.Status))
            Fail($"status {response.Status}, which the GraphQL over HTTP transport never gives", response);

        if (!MediaTypeHeaderValue.TryParse(response.ContentType, out var contentType) || contentType.MediaType is null)
            Fail("no Content-Type", response);
        var mediaType = contentType!.MediaType!.ToLowerInvariant();
        if (contentType.CharSet is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            Fail($"charset {charset}", response);
        var negotiated = Negotiated(request.Accept);
        if (response.Status == 406)
        {
            if (negotiated is not null)
                Fail($"406 although Accept '{request.Accept}' allows {negotiated}", response);
            if (mediaType is not (Json or GraphQLResponse))
                Fail("a 406 that is not JSON", response);
        }
        else if (negotiated is null)
            Fail($"{response.Status} although Accept '{request.Accept}' allows no JSON type (406)", response);
        else if (mediaType != negotiated)
            Fail($"Content-Type {mediaType} where Accept '{request.Accept}' negotiates {negotiated}", response);

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(response.Body);
        }
        catch (JsonException e)
        {
            Fail($"a body that is not JSON ({e.Message})", response);
            return false;
        }

        if (request.IsBatch && response.Status == 200)
        {
            if (body is not JsonArray batch || batch.Count == 0)
            {
                Fail("a batch answered by something other than a non-empty array", response);
                return false;
            }
            var executed = true;
            foreach (var result in batch)
                executed &= CheckResult(result, mediaType, response, inBatch: true);
            return executed;
        }
        var single = CheckResult(body, mediaType, response, inBatch: false);
        return single && response.Status == 200;
    }

    /// <returns>Whether this result carries data and no errors.</returns>
    private static bool CheckResult(JsonNode? node, string mediaType, ReceivedResponse response, bool inBatch)
    {
        if (node is not JsonObject result)
        {
            Fail("a result that is not a JSON object", response);
            return false;
        }
        foreach (var key in result.Select(p => p.Key))
            if (key is not ("data" or "errors" or "extensions"))
                Fail($"a result with the entry '{key}'", response);
        var hasData = result.TryGetPropertyValue("data", out var data);
        var hasErrors = result.TryGetPropertyValue("errors", out var errors);
        if (!hasData && !hasErrors)
            Fail("a result with neither data nor errors", response);
        if (hasData && data is not (null or JsonObject))
            Fail("data that is not an object", response);

        var codes = new List<string?>();
        if (hasErrors)
        {
            if (errors is not JsonArray list || list.Count == 0)
            {
                Fail("errors that are not a non-empty array", response);
                return false;
            }
            foreach (var error in list)
                codes.Add(CheckError(error, response));
        }

        // A result without data is a request error: 4xx with graphql-response+json. With application/json a
        // well-formed request gets 200 whatever its document's errors; only the request itself may be a 4xx.
        // A batch has one status for all its results, so these rules are the single request's.
        if (inBatch)
            return data is JsonObject && !hasErrors;
        if (response.Status == 200 && !hasData && mediaType == GraphQLResponse)
            Fail("200 for a request error (no data) with graphql-response+json", response);
        if (response.Status != 200 && data is not null)
            Fail($"status {response.Status} for a result with data", response);
        if (response.Status == 400 && mediaType == Json && codes.Any(c => c is null || !RequestCodes.Contains(c)))
            Fail($"400 with application/json for document errors ({string.Join(", ", codes)}), which are 200 with errors", response);
        return data is JsonObject && !hasErrors;
    }

    private static string? CheckError(JsonNode? node, ReceivedResponse response)
    {
        if (node is not JsonObject error)
        {
            Fail("an error that is not an object", response);
            return null;
        }
        if (error["message"] is not JsonValue message || message.GetValueKind() != JsonValueKind.String)
            Fail("an error without a string message", response);
        if (
            error["locations"] is { } locations
            && (
                locations is not JsonArray l
                || l.Any(p => p?["line"]?.GetValueKind() != JsonValueKind.Number || p["column"]?.GetValueKind() != JsonValueKind.Number)
            )
        )
            Fail("locations that are not lines and columns", response);
        if (
            error["path"] is { } path
            && (path is not JsonArray p2 || p2.Any(s => s?.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number)))
        )
            Fail("a path that is not names and indices", response);
        if (!error.TryGetPropertyValue("extensions", out var extensions) || extensions is null)
            return null;
        if (extensions is not JsonObject ext)
        {
            Fail("extensions that are not an object", response);
            return null;
        }
        if (!ext.TryGetPropertyValue("code", out var code))
            return null;
        if (code is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            Fail("an extensions.code that is not a string", response);
        return code!.GetValue<string>();
    }

    private static void Fail(string what, ReceivedResponse response) =>
        throw new ContractViolation($"The answer broke the GraphQL over HTTP contract: {what}.\nAnswer: {response}");
}

public sealed class ContractViolation(string message) : Exception(message);

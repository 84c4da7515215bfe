using Microsoft.Net.Http.Headers;

namespace WelfareGraph.Http;

/// <summary>Content negotiation of the GraphQL over HTTP specification.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type the Accept header asks for, or null when none can be served (406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        // The spec: a request without Accept is treated as a legacy client asking for application/json.
        if (accept is null || accept.Count == 0)
            return Json;
        foreach (var media in accept.OrderByDescending(m => m.Quality ?? 1))
        {
            if (media.Quality == 0)
                continue;
            var type = media.MediaType.Value?.ToLowerInvariant();
            if (type == GraphQLResponse)
                return GraphQLResponse;
            if (type == Json)
                return Json;
            if (type is "*/*" or "application/*")
                return GraphQLResponse;
        }
        return null;
    }

    public static bool IsJsonRequest(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
        && string.Equals(media.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Value is null || string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}

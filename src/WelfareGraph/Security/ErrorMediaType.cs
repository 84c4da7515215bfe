namespace WelfareGraph.Security;

/// <summary>
/// Endpoint metadata: how an edge chooses the media type of the error bodies written in front of it (by the rate
/// limiter, by fair sharing). The GraphQL endpoint negotiates as GraphQL over HTTP does; the composition attaches
/// that negotiation, so this layer need not know the transport. Every other edge answers in application/json.
/// </summary>
/// <param name="Negotiate">The media type the request accepts, or null when it accepts none that can be served.</param>
public sealed record ErrorMediaType(Func<HttpRequest, string?> Negotiate)
{
    public const string Json = "application/json";

    public static string For(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ErrorMediaType>()?.Negotiate(http.Request) ?? Json;
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WelfareGraph.Security;

/// <summary>
/// The answer of a limit that refuses or stops a request outside its endpoint (rate limit, fair share, deadline,
/// database outage) and of every file edge: a status, <c>Retry-After</c> where waiting helps, and a GraphQL-style error body
/// (<c>{"errors":[{"message", "extensions":{"code"}}]}</c>) in the media type the edge
/// negotiates, so dashboards read a refusal the way they read any other error.
/// </summary>
public static class RefusalResponse
{
    /// <summary>The JSON of every error body written here: camelCase, Persian as UTF-8 rather than escapes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>An error of the request's own edge, before anything was sent (after the first byte there is nothing left to say).</summary>
    public static Task WriteAsync(HttpContext http, int status, string message, string code) =>
        http.Response.HasStarted ? Task.CompletedTask : WriteAsync(http, status, retryAfter: null, message, code, http.RequestAborted);

    public static async Task WriteAsync(
        HttpContext http,
        int status,
        TimeSpan? retryAfter,
        string message,
        string code,
        CancellationToken cancellationToken
    )
    {
        var response = http.Response;
        response.StatusCode = status;
        if (retryAfter is { } wait)
            response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        response.ContentType = ErrorMediaType.For(http) + "; charset=utf-8";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { errors = new[] { new { message, extensions = new { code } } } }, Json);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>Whole seconds, at least one: <c>Retry-After: 0</c> would invite an immediate retry storm.</summary>
    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}

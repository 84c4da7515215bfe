using System.Net.Http.Headers;
using System.Text;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>Who sends a request: the token it carries (or none).</summary>
public enum Caller
{
    Analyst,
    Auditor,

    /// <summary>An analyst whose scope is one county (IR-19-03): province-wide questions may be refused.</summary>
    CountyAnalyst,
    Anonymous,

    /// <summary>A user token for the API without its delegated permission Welfare.Read.</summary>
    WithoutReadScope,
}

/// <summary>
/// One HTTP request as generated, printable as the smallest failing case. <see cref="ExpectExecuted"/>: built only
/// from valid parts, so the answer must be data without errors. <see cref="Repeatable"/>: read-only and independent
/// of the clock, so sending it twice must give the same answer. <see cref="IsBatch"/>: the body is a JSON array.
/// <see cref="Invariant"/>: a relation the executed answer must hold (null when it does, else what is wrong).
/// </summary>
public sealed record GeneratedRequest(
    string Method,
    string Target,
    string? Body,
    string? ContentType,
    string? Accept,
    Caller Caller,
    string Kind,
    bool ExpectExecuted,
    bool Repeatable,
    bool IsBatch,
    bool Latin1Body = false,
    Func<System.Text.Json.Nodes.JsonNode, string?>? Invariant = null
)
{
    public HttpRequestMessage ToHttp(Func<Caller, string?> tokenFor)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Target);
        if (Body is not null)
        {
            // Latin-1 bytes above 0x7F are not UTF-8: the server must refuse them as a body, not fail on them.
            request.Content = new ByteArrayContent(Latin1Body ? Encoding.Latin1.GetBytes(Body) : Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        if (Accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        if (tokenFor(Caller) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public override string ToString()
    {
        var body =
            Body is null ? ""
            : Body.Length > 2000 ? $" body ({Body.Length} chars): {Body[..300]}…"
            : $" body: {Body}";
        return $"[{Kind}] {Method} {Target} as {Caller}; Content-Type: {ContentType ?? "(none)"}; Accept: {Accept ?? "(none)"}"
            + (Latin1Body ? "; body in Latin-1" : "")
            + body;
    }
}

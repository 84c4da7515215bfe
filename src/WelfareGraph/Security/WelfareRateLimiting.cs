using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WelfareGraph.Security;

/// <summary>
/// Per-client rate limit of the GraphQL endpoint (ASP.NET Core's limiter, a fixed window per client): the
/// caller's object id when authenticated, else its address. Over the limit: 429 with <c>Retry-After</c>.
/// </summary>
public static class WelfareRateLimiting
{
    public const string Policy = "graphql";

    public static IServiceCollection AddWelfareRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "application/json; charset=utf-8";
                var message = $"Too many requests: at most {options.PermitLimit} per {options.Window}. Retry after {response.Headers.RetryAfter} s.";
                await response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "RATE_LIMITED" } } } }), cancellationToken);
            };
        });
        return services;
    }

    private static string ClientKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? "caller:" + (http.User.FindFirst("oid")?.Value ?? http.User.FindFirst("sub")?.Value ?? http.User.FindFirst("azp")?.Value ?? "?")
            : "address:" + http.Connection.RemoteIpAddress;
}

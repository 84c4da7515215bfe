using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WelfareGraph.Security;

/// <summary>
/// Fair sharing in front of every edge the rate limiter counts (<c>/graphql</c>, exports and export jobs, the
/// Power BI model, the OData feed): the request runs once <see cref="FairShareLimiter"/> admits it, and holds its
/// slots until its response is written (a streamed export holds them while it streams). A JSON-array batch is one
/// HTTP request, so it counts once. Past the limits: 503 <c>SERVER_BUSY</c> with <c>Retry-After</c>.
/// Placed after authentication, so callers are known by their tokens, and after the rate limiter, so a request
/// refused there never waits here. A wait counts against the request's deadline: one that outlasts it ends there
/// (<see cref="RequestDeadline"/> answers <c>EXECUTION_TIMEOUT</c>).
/// </summary>
public sealed class FairShareMiddleware(
    RequestDelegate next,
    FairShareLimiter limiter,
    FairShareMetrics metrics,
    IOptions<FairShareOptions> options
)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsShared(http.GetEndpoint()))
        {
            await next(http);
            return;
        }
        FairShareAdmission admission;
        try
        {
            admission = await limiter.AdmitAsync(CallerKey.Of(http), http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested && RequestDeadline.Of(http)?.Expired != true)
        {
            // The caller hung up while it waited: it has left the queue, and there is no one to answer.
            metrics.Abandoned();
            return;
        }
        using (admission)
        {
            if (admission.Refusal is { } limit)
            {
                metrics.Refused(limit);
                await RefuseAsync(http, limit);
                return;
            }
            await next(http);
        }
    }

    /// <summary>The edges shared fairly are exactly those under the per-caller rate limit: one list of edges for both.</summary>
    private static bool IsShared(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is { PolicyName: WelfareRateLimiting.Policy };

    private Task RefuseAsync(HttpContext http, FairShareLimit limit)
    {
        var settings = options.Value;
        var message =
            limit == FairShareLimit.Caller
                ? $"This caller already has {settings.MaxConcurrentPerCaller} operations running and {settings.MaxQueuedPerCaller} "
                    + $"waiting on this server. Retry after {RefusalResponse.RetryAfterSeconds(settings.BusyRetryAfter)} s."
                : $"The server is busy: {settings.ServerConcurrency} operations are running and {settings.MaxQueuedPerServer} "
                    + $"waiting. Retry after {RefusalResponse.RetryAfterSeconds(settings.BusyRetryAfter)} s.";
        return RefusalResponse.WriteAsync(
            http,
            StatusCodes.Status503ServiceUnavailable,
            settings.BusyRetryAfter,
            message,
            "SERVER_BUSY",
            http.RequestAborted
        );
    }
}

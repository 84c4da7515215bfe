using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Security;

/// <summary>
/// Per-client rate limit of the GraphQL endpoint (ASP.NET Core's limiter, a fixed window per client): the
/// caller's object id when authenticated, else its address (<see cref="CallerKey"/>). Over the limit: 429 with <c>Retry-After</c>.
/// With <c>ConnectionStrings:Redis</c> the window is counted in Redis (<see cref="SharedRateLimiter"/>), so a caller
/// has one allowance however many servers it reaches; while Redis does not answer, each server counts alone.
/// </summary>
public static class WelfareRateLimiting
{
    public const string Policy = "graphql";

    public static IServiceCollection AddWelfareRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<SharedRateLimitCircuit>();
        services.AddRateLimiter(_ => { });
        // Configured from the validated GraphQL:RateLimit once the container exists.
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<GraphQLLimits, IConfiguration, IServiceProvider>(
                (limiter, limits, configuration, provider) =>
                {
                    var options = limits.RateLimit;
                    // Looked up on the first request, not here: the Redis connection is made when first asked for.
                    var redis = new Lazy<IConnectionMultiplexer?>(provider.GetService<IConnectionMultiplexer>);
                    var circuit = provider.GetRequiredService<SharedRateLimitCircuit>();
                    var metrics = provider.GetService<WelfareMetrics>();
                    // The answer cache's prefix: deployments that share one Redis keep their callers' counts apart.
                    var prefix = configuration["Cache:KeyPrefix"] is { Length: > 0 } configured ? configured : "welfaregraph:";
                    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    limiter.AddPolicy(
                        Policy,
                        http =>
                        {
                            var caller = CallerKey.Of(http);
                            if (redis.Value is { } shared)
                                return RateLimitPartition.Get(
                                    caller,
                                    key => new SharedRateLimiter(prefix + "rate:" + key, options, shared, circuit)
                                );
                            return RateLimitPartition.GetFixedWindowLimiter(
                                caller,
                                _ => new FixedWindowRateLimiterOptions
                                {
                                    PermitLimit = options.PermitLimit,
                                    Window = options.Window,
                                    QueueLimit = 0,
                                }
                            );
                        }
                    );
                    limiter.OnRejected = (rejected, cancellationToken) =>
                    {
                        metrics?.RateLimited();
                        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                        var message =
                            $"Too many requests: at most {options.PermitLimit} per {options.Window}. "
                            + $"Retry after {RefusalResponse.RetryAfterSeconds(retryAfter)} s.";
                        return new ValueTask(
                            RefusalResponse.WriteAsync(
                                rejected.HttpContext,
                                StatusCodes.Status429TooManyRequests,
                                retryAfter,
                                message,
                                "RATE_LIMITED",
                                cancellationToken
                            )
                        );
                    };
                }
            );
        return services;
    }
}

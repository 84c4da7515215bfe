using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;
using WelfareGraph.Configuration;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace WelfareGraph.Requests;

public static class AnswerCacheRegistration
{
    /// <summary>
    /// The answer cache: memory on this server, and with <c>ConnectionStrings:Redis</c> Redis as the shared level
    /// and FusionCache's Redis backplane. One Redis connection serves both (and the distributed rate limiter);
    /// it is opened without waiting for Redis, so a server starts and answers while Redis is away.
    /// </summary>
    public static IServiceCollection AddAnswerCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AnswerCacheOptions>();
        services.AddSingleton<AnswerCacheMetrics>();
        services.AddSingleton<AnswerCache>();
        var redis = configuration.GetConnectionString("Redis");
        var fusion = services
            .AddFusionCache()
            .WithOptions(o =>
            {
                // A Redis that went away is not asked again for a while: requests go on at memory speed.
                o.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(2);
                o.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(2);
            });
        if (string.IsNullOrWhiteSpace(redis))
            return services;

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        fusion
            .WithSerializer(new FusionCacheSystemTextJsonSerializer())
            .WithDistributedCache(sp => new RedisCache(
                new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                }
            ))
            .WithBackplane(sp => new RedisBackplane(
                new RedisBackplaneOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                }
            ));
        return services;
    }
}

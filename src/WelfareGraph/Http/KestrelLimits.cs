using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WelfareGraph.Http;

/// <summary>
/// Kestrel's connection and request limits from <c>Kestrel:Limits</c> in appsettings.json, bound here explicitly:
/// the root appsettings.json joins the configuration after the host's defaults were set up, and the minimum data
/// rates are immutable objects (a rate and a grace period) that configuration binding cannot fill in.
/// </summary>
public static class KestrelLimits
{
    public const string Section = "Kestrel:Limits";

    public static IServiceCollection AddKestrelLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when Kestrel starts, so the whole configuration (files, environment, command line) is in place.
        services.Configure<KestrelServerOptions>(kestrel => Apply(configuration.GetSection(Section), kestrel.Limits));
        return services;
    }

    private static void Apply(IConfigurationSection section, KestrelServerLimits limits)
    {
        section.Bind(limits); // timeouts, sizes, counts, and Http2's limits
        limits.MinRequestBodyDataRate = DataRate(section.GetSection(nameof(limits.MinRequestBodyDataRate)), limits.MinRequestBodyDataRate);
        limits.MinResponseDataRate = DataRate(section.GetSection(nameof(limits.MinResponseDataRate)), limits.MinResponseDataRate);
    }

    /// <summary>A section <c>{ "BytesPerSecond": 240, "GracePeriod": "00:00:05" }</c>; absent, Kestrel's own default stays.</summary>
    private static MinDataRate? DataRate(IConfigurationSection section, MinDataRate? current) =>
        section.Exists()
            ? new MinDataRate(
                section.GetValue<double>(nameof(MinDataRate.BytesPerSecond)),
                section.GetValue<TimeSpan>(nameof(MinDataRate.GracePeriod))
            )
            : current;
}

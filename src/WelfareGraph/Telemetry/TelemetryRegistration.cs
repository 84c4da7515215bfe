using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WelfareGraph.Configuration;

namespace WelfareGraph.Telemetry;

/// <summary>
/// How OpenTelemetry joins the composition: traces and metrics, the Prometheus exporter, and OTLP when an endpoint is set.
/// </summary>
public static class TelemetryRegistration
{
    /// <param name="meters">Meters of other parts of the server to report too (fair sharing's, say).</param>
    public static IServiceCollection AddWelfareTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        params string[] meters
    )
    {
        services.AddSettings<TelemetryOptions>();
        services.AddSingleton<WelfareMetrics>();
        // Read while composing, as the exporters are chosen now; the validated options check the same keys at start.
        var section = configuration.GetSection("OpenTelemetry");
        var endpoint = section[nameof(TelemetryOptions.Endpoint)];
        var otlp = Uri.TryCreate(endpoint, UriKind.Absolute, out var url) ? url : null;
        var protocol = section.GetValue(nameof(TelemetryOptions.Protocol), OpenTelemetry.Exporter.OtlpExportProtocol.Grpc);
        var service = section[nameof(TelemetryOptions.ServiceName)] is { Length: > 0 } name ? name : "welfaregraph";

        services
            .AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(WelfareTelemetry.SourceName)
                    // The scrape and the health probes every few seconds would drown the requests people make.
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsHousekeeping(http.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                    tracing.AddOtlpExporter(exporter => (exporter.Endpoint, exporter.Protocol) = (otlp, protocol));
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter([WelfareTelemetry.MeterName, .. meters])
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(exporter => (exporter.Endpoint, exporter.Protocol) = (otlp, protocol));
            });
        return services;
    }

    private static bool IsHousekeeping(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.Ordinal) || path.StartsWithSegments("/health", StringComparison.Ordinal);
}

using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Http;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus scrape of the server's metrics. Open in Development and on the
/// management port (<c>OpenTelemetry:ManagementPort</c>, reached by the cluster's scraper); anywhere else only to
/// a caller with the <c>Welfare.Admin</c> role, as the counts by operation tell how the API is used.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void MapMetrics(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        var port = app.Services.GetRequiredService<TelemetryOptions>().ManagementPort;
        app.MapPrometheusScrapingEndpoint(
            Path,
            meterProvider: null,
            configureBranchedPipeline: branch =>
                branch.Use(
                    async (http, next) =>
                    {
                        if (
                            development
                            || port != 0 && http.Connection.LocalPort == port
                            || WelfareRoles.Of(http.User).Contains(WelfareRoles.Admin)
                        )
                            await next(http);
                        else if (http.User.Identity?.IsAuthenticated != true)
                            await RefusalResponse.WriteAsync(
                                http,
                                StatusCodes.Status401Unauthorized,
                                "The metrics need a token with the Welfare.Admin role (or the management port).",
                                "AUTH_NOT_AUTHENTICATED"
                            );
                        else
                            await RefusalResponse.WriteAsync(
                                http,
                                StatusCodes.Status403Forbidden,
                                "The metrics are open to the Welfare.Admin role only (or on the management port).",
                                "AUTH_NOT_AUTHORIZED"
                            );
                    }
                ),
            optionsName: null
        );
    }
}

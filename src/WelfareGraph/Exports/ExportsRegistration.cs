using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using WelfareGraph.Configuration;
using WelfareGraph.Exports.Jobs;
using WelfareGraph.Exports.OData;
using WelfareGraph.Exports.PowerBi;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>How exports, the Power BI model and the OData feed join the composition (WelfareGraphExtensions calls these two).</summary>
public static class ExportsRegistration
{
    public static IServiceCollection AddWelfareExports(this IServiceCollection services)
    {
        services.AddSettings<ExportOptions>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton(sp => ExportJobStores.Create(sp.GetRequiredService<ExportOptions>()));
        services.AddSingleton<ExportJobs>();
        services.AddHostedService<ExportJobLeases>();
        // The OData feed runs on controllers (OData's routing and query handling are built for them); they are
        // the only controllers of the app, and every one of them passes the feed's access filter. The route's resource
        // serializer is replaced by one that counts what it writes, for that filter's audit entry (a route's own
        // services are added after OData's defaults, so this registration is the one resolved).
        services
            .AddControllers(mvc => mvc.Filters.Add<FeedAccessFilter>())
            .AddOData(odata =>
                odata
                    .EnableQueryFeatures(maxTopValue: null)
                    .AddRouteComponents(
                        FeedModel.RoutePrefix,
                        FeedModel.Edm,
                        feed => feed.AddSingleton<ODataResourceSerializer, CountingResourceSerializer>()
                    )
            );
        return services;
    }

    public static WebApplication MapWelfareExports(this WebApplication app)
    {
        app.MapExportEndpoints();
        app.MapExportJobEndpoints();
        app.MapPowerBiEndpoints();
        app.MapControllers().RequireRateLimiting(WelfareRateLimiting.Policy);
        return app;
    }
}

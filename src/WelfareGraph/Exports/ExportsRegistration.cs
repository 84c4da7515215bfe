using Microsoft.AspNetCore.OData;
using WelfareGraph.Exports.Jobs;
using WelfareGraph.Exports.OData;
using WelfareGraph.Exports.PowerBi;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>How exports, the Power BI model and the OData feed join the composition (WelfareGraphExtensions calls these two).</summary>
public static class ExportsRegistration
{
    public static IServiceCollection AddWelfareExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Exports").Get<ExportOptions>() ?? new ExportOptions());
        services.AddSingleton<ExportJobs>();
        // The OData feed runs on controllers (OData's routing and query handling are built for them); they are
        // the only controllers of the app, and every one of them passes the feed's access filter.
        services.AddControllers(mvc => mvc.Filters.Add<FeedAccessFilter>())
            .AddOData(odata => odata.EnableQueryFeatures(maxTopValue: null).AddRouteComponents(FeedModel.RoutePrefix, FeedModel.Edm));
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

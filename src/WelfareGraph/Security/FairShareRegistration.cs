using WelfareGraph.Configuration;

namespace WelfareGraph.Security;

/// <summary>How fair sharing joins the composition (SecurityRegistration calls these two).</summary>
public static class FairShareRegistration
{
    public static IServiceCollection AddFairShare(this IServiceCollection services)
    {
        services.AddSettings<FairShareOptions>();
        services.AddSingleton<FairShareLimiter>();
        services.AddSingleton<FairShareMetrics>();
        return services;
    }

    public static IApplicationBuilder UseFairShare(this IApplicationBuilder app) => app.UseMiddleware<FairShareMiddleware>();
}

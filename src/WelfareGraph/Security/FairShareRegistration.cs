namespace WelfareGraph.Security;

/// <summary>How fair sharing joins the composition (SecurityRegistration calls these two).</summary>
public static class FairShareRegistration
{
    public static IServiceCollection AddFairShare(this IServiceCollection services)
    {
        services.AddOptions<FairShareOptions>()
            .BindConfiguration("GraphQL")
            .Validate(o => o.IsValid, "GraphQL:MaxConcurrentPerCaller must be at least 1; MaxQueuedPerCaller, MaxConcurrentPerServer (0: by the processor count) and MaxQueuedPerServer at least 0; BusyRetryAfter positive.")
            .ValidateOnStart();
        services.AddSingleton<FairShareLimiter>();
        services.AddSingleton<FairShareMetrics>();
        return services;
    }

    public static IApplicationBuilder UseFairShare(this IApplicationBuilder app) => app.UseMiddleware<FairShareMiddleware>();
}

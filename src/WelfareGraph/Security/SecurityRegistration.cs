using GraphQL;
using GraphQL.DI;
using WelfareGraph.Configuration;
using WelfareGraph.Data;

namespace WelfareGraph.Security;

/// <summary>How the security pieces join the composition (WelfareGraphExtensions calls these three).</summary>
public static class SecurityRegistration
{
    /// <summary>Authentication, rate limiting, fair sharing, limits, trusted documents and the audit log.</summary>
    public static IServiceCollection AddWelfareSecurity(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        string rootFolder
    )
    {
        services.AddSettings<GraphQLLimits>();
        services.AddWelfareAuthentication(configuration, environment);
        services.AddWelfareRateLimiting();
        services.AddFairShare();
        services.AddSingleton(sp => new TrustedDocuments(
            sp.GetRequiredService<GraphQLLimits>().TrustedDocuments,
            rootFolder,
            sp.GetRequiredService<ILogger<TrustedDocuments>>()
        ));
        services.AddSingleton<CallerScopes>();
        services.AddSingleton<ICurrentScope>(sp => sp.GetRequiredService<CallerScopes>());
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditLog>();
        return services;
    }

    /// <summary>Root-field authorization, document limits, introspection access and per-request scope resolution.</summary>
    public static IGraphQLBuilder AddWelfareSecurity(this IGraphQLBuilder graphql) =>
        graphql
            .AddSchemaVisitor<RootFieldAuthorization>()
            .ConfigureExecution<DocumentLimitsExecution>()
            .ConfigureExecution<IntrospectionSwitch>()
            .AddDocumentListener<ScopeResolution>();

    /// <summary>Before the endpoints: who the caller is, then how often it may ask, then how much it may run at once.</summary>
    public static WebApplication UseWelfareSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseFairShare();
        return app;
    }
}

using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using WelfareGraph.Schema;

namespace WelfareGraph.Security;

/// <summary>How the security pieces join the composition (WelfareGraphExtensions calls these three).</summary>
public static class SecurityRegistration
{
    /// <summary>Authentication, rate limiting, fair sharing, limits, trusted documents and the audit log.</summary>
    public static GraphQLLimits AddWelfareSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string rootFolder)
    {
        var limits = configuration.GetSection("GraphQL").Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddWelfareAuthentication(configuration, environment);
        services.AddWelfareRateLimiting(limits.RateLimit);
        services.AddFairShare();
        services.AddSingleton(sp => new TrustedDocuments(limits.TrustedDocuments, rootFolder, sp.GetRequiredService<ILogger<TrustedDocuments>>()));
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditLog>();
        // The auditLog root field joins the query type where the schema gets it from DI, so the query type's own
        // file stays about the data (registered after AddGraphQL: the last registration wins).
        services.AddTransient(sp =>
        {
            var query = ActivatorUtilities.CreateInstance<WelfareQuery>(sp);
            query.AddAuditLogField();
            return query;
        });
        return limits;
    }

    /// <summary>Root-field authorization, document limits, introspection access and per-request scope resolution.</summary>
    public static IGraphQLBuilder AddWelfareSecurity(this IGraphQLBuilder graphql, GraphQLLimits limits, IHostEnvironment environment)
    {
        graphql.AddSchemaVisitor<RootFieldAuthorization>()
            .ConfigureExecution<DocumentLimitsExecution>()
            .AddDocumentListener<ScopeResolution>();
        if (limits.IntrospectionFor(environment) == IntrospectionAccess.Disabled)
            graphql.ConfigureExecutionOptions(options =>
                options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(NoIntrospectionValidationRule.Instance));
        return graphql;
    }

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

using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WelfareGraph.Analytics;
using WelfareGraph.Configuration;
using WelfareGraph.Data;
using WelfareGraph.Exports;
using WelfareGraph.Exports.OData;
using WelfareGraph.Http;
using WelfareGraph.Ingestion;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Requests;
using WelfareGraph.Schema;
using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph;

/// <summary>The whole composition of the server; the tests host exactly this.</summary>
public static class WelfareGraphExtensions
{
    public static WebApplicationBuilder AddWelfareGraph(this WebApplicationBuilder builder)
    {
        var root = builder.Configuration.AddRootAppSettings(builder.Environment);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.TryAddSingleton(TimeProvider.System);
        services.AddKestrelLimits(configuration);
        services.AddWelfareDatabase(configuration, builder.Environment);
        services.AddHostedService<DatabaseInitializer>();
        services.AddSettings<PagingOptions>();
        services.AddSettings<QueryLimitOptions>();
        services.AddSingleton<ListReading>();
        services.AddSettings<AnalyticsOptions>();
        services.AddSingleton<AnalyticsReading>();
        services.AddSettings<StatementPageOptions>();
        services.AddWelfareSecurity(configuration, builder.Environment, root);
        services.AddWelfareRequests();
        services.AddAnswerCache(configuration);
        services.AddWelfareIngestion();

        services.AddGraphQL(graphql =>
            graphql
                .AddSchema<WelfareSchema>()
                .AddExecutionStrategy(new ListWritingExecutionStrategy(), GraphQLParser.AST.OperationType.Query)
                .AddGraphTypes(typeof(WelfareSchema).Assembly)
                .AddSystemTextJson(json => json.Encoder = ResponseJson.Encoder)
                .AddErrorInfoProvider(new WelfareErrorInfoProvider(new() { ExposeExceptionDetails = builder.Environment.IsDevelopment() }))
                .AddUnhandledExceptionHandler(context =>
                    GraphQLErrors.OnUnhandledException(
                        context,
                        context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(GraphQLErrors.LogCategory)
                    )
                )
                .AddWelfareSecurity()
        );

        services
            .AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ReplicaHealthCheck>("replica", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddWelfareExports();
        services.AddWelfareTelemetry(configuration, FairShareMetrics.MeterName);
        return builder;
    }

    public static WebApplication MapWelfareGraph(this WebApplication app)
    {
        app.UseDatabaseOutageResponses();
        // The deadline counts from here: a request queued for its share of the server waits within it too.
        app.UseRequestDeadlines();
        app.UseWelfareSecurity();
        // Edges that only read take the replica when it is fit; /graphql chooses per document (a mutation never does).
        app.UseReplicaReads(path =>
            path.StartsWithSegments("/exports") && !path.StartsWithSegments("/exports/jobs")
            || path.StartsWithSegments("/" + FeedModel.RoutePrefix)
        );
        app.MapMetrics();
        // Refusals in front of the GraphQL endpoint (rate limit, fair share) speak its negotiated media type.
        app.MapGroup("").WithMetadata(new ErrorMediaType(GraphQLMediaTypes.Negotiate)).MapGraphQLHttp("/graphql");
        app.MapSchemaDownload("/graphql");
        app.MapBananaCakePop("/graphql");
        app.MapStatementPage();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapWelfareExports();
        return app;
    }

    /// <summary>
    /// The server reads the repository's root appsettings.json (the one configuration file), wherever it
    /// is started from: the content root or a folder above it, else the copy next to the binaries.
    /// Environment variables and the command line still override it.
    /// </summary>
    /// <returns>The folder it was found in: the root that schema/ and other repository paths are relative to.</returns>
    private static string AddRootAppSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var folder =
            new[]
            {
                environment.ContentRootPath,
                Path.Combine(environment.ContentRootPath, ".."),
                Path.Combine(environment.ContentRootPath, "..", ".."),
            }
                .Select(Path.GetFullPath)
                .FirstOrDefault(f => File.Exists(Path.Combine(f, "appsettings.json")) && File.Exists(Path.Combine(f, "WelfareGraph.sln")))
            ?? AppContext.BaseDirectory;
        IConfigurationBuilder builder = configuration;
        var position = builder
            .Sources.ToList()
            .FindIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
        if (position < 0)
            position = builder.Sources.Count;
        var files = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddJsonFile(Path.Combine(folder, $"appsettings.{environment.EnvironmentName}.json"), optional: true, reloadOnChange: false)
            .Sources;
        foreach (var source in files.Reverse())
            builder.Sources.Insert(position, source);
        return folder;
    }
}

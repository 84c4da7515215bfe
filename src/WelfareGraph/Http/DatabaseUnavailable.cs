using GraphQL;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Http;

/// <summary>
/// How every edge answers while the database is unreachable: 503 with an error coded <c>DATABASE_UNAVAILABLE</c>
/// (and <c>Retry-After</c>), in the GraphQL response shape on <c>/graphql</c> and the JSON error body elsewhere — or,
/// when a streamed response (an export) had already begun, an aborted connection, so that a cut-off file is never
/// taken for a whole one. The middleware catches what escapes an endpoint (the audit write, the feed, the model,
/// scope resolution); GraphQL resolvers' failures arrive as results carrying the code (<see cref="GraphQLErrors"/>).
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool In(ExecutionResult result) => result.Errors?.Any(e => e.Code == DatabaseOutage.Code) == true;

    public static IApplicationBuilder UseDatabaseOutageResponses(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("WelfareGraph.Outage");
        return app.Use(async (http, next) => await AnswerOutagesAsync(http, next, logger));
    }

    private static async Task AnswerOutagesAsync(HttpContext http, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !http.RequestAborted.IsCancellationRequested)
        {
            if (http.Response.HasStarted)
            {
                logger.LogWarning(
                    "Database unavailable while {Path} was streaming; the response is aborted: {Reason}",
                    http.Request.Path,
                    e.Message
                );
                http.Abort();
                return;
            }
            logger.LogWarning("Database unavailable for {Path}: {Reason}", http.Request.Path, e.Message);
            await WriteAsync(http);
        }
    }

    /// <summary>The 503 itself, for an endpoint that finds the outage before it has written anything.</summary>
    public static Task WriteAsync(HttpContext http)
    {
        http.Response.Clear(); // headers an endpoint set for its file (Content-Disposition) do not describe this answer
        return RefusalResponse.WriteAsync(
            http,
            StatusCodes.Status503ServiceUnavailable,
            TimeSpan.FromSeconds(RetryAfterSeconds),
            DatabaseOutage.Message,
            DatabaseOutage.Code,
            http.RequestAborted
        );
    }
}

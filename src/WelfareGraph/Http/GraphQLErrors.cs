using GraphQL.Execution;
using WelfareGraph.Periods;

namespace WelfareGraph.Http;

internal static class GraphQLErrors
{
    /// <summary>
    /// Known domain exceptions become precise GraphQL errors; anything else is logged with its stack trace
    /// and reaches the client only as a generic message (details in Development only).
    /// </summary>
    public static void OnUnhandledException(UnhandledExceptionContext context)
    {
        if (context.OriginalException is SolarDateException date)
        {
            context.Exception = new GraphQL.ExecutionError(date.Message) { Code = date.Code };
            return;
        }
        if (context.OriginalException is OperationCanceledException) return;
        var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("WelfareGraph.GraphQL");
        logger?.LogError(context.OriginalException, "Resolver failed in {Field}", context.FieldContext?.FieldDefinition.Name);
    }
}

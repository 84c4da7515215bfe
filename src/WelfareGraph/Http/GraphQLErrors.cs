using GraphQL.Execution;
using WelfareGraph.Periods;

namespace WelfareGraph.Http;

internal static class GraphQLErrors
{
    public const string LogCategory = "WelfareGraph.GraphQL";

    /// <summary>
    /// Known domain exceptions become precise GraphQL errors; anything else is logged with its stack trace
    /// and reaches the client only as a generic message (details in Development only).
    /// </summary>
    /// <param name="logger">The GraphQL log of the request's scope, when it has one.</param>
    public static void OnUnhandledException(UnhandledExceptionContext context, ILogger? logger)
    {
        if (context.OriginalException is SolarDateException date)
        {
            context.Exception = new GraphQL.ExecutionError(date.Message) { Code = date.Code };
            return;
        }
        if (Data.DatabaseOutage.IsOutage(context.OriginalException))
        {
            // Not a bug: the client may retry later. The endpoint answers 503 for a result carrying this code.
            logger?.LogWarning(
                "Database unavailable in {Field}: {Reason}",
                context.FieldContext?.FieldDefinition.Name,
                context.OriginalException.Message
            );
            context.Exception = new GraphQL.ExecutionError(Data.DatabaseOutage.Message) { Code = Data.DatabaseOutage.Code };
            return;
        }
        if (context.OriginalException is OperationCanceledException)
            return;
        logger?.LogError(context.OriginalException, "Resolver failed in {Field}", context.FieldContext?.FieldDefinition.Name);
    }
}

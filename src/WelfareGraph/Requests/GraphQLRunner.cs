using System.Security.Claims;
using GraphQL;
using WelfareGraph.Schema;
using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Requests;

/// <summary>An executed document, and whether its deadline ended it.</summary>
public sealed record DeadlineResult(ExecutionResult Result, bool TimedOut);

/// <summary>
/// Runs a GraphQL document under a deadline, for every edge that executes one (<c>/graphql</c>, file exports,
/// export jobs): parsing, validation and execution share the deadline's token, and a document the deadline ended
/// is a timeout, however it surfaced.
/// </summary>
public sealed class GraphQLRunner(IDocumentExecuter<WelfareSchema> executer, WelfareSchema schema, WelfareMetrics metrics)
{
    public const string TimeoutCode = "EXECUTION_TIMEOUT";

    /// <summary>The root fields of a document the caller may not use, refused as the schema's authorization refuses them.</summary>
    public IReadOnlyList<ExecutionError> RefusedRootFields(ClaimsPrincipal user, RequestDocument document) =>
        RootFieldAuthorization.Refusals(user, document, schema);

    /// <summary>A document's execution as the caller, its resolvers in the caller's service scope (the request's, or a job's).</summary>
    /// <param name="cancellationToken">One that the deadline cancels.</param>
    public static ExecutionOptions Options(
        string? query,
        string? operationName,
        Inputs? variables,
        ClaimsPrincipal user,
        IServiceProvider resolverServices,
        CancellationToken cancellationToken
    ) =>
        new()
        {
            Query = query,
            OperationName = operationName,
            Variables = variables,
            RequestServices = resolverServices,
            User = user,
            CancellationToken = cancellationToken,
        };

    /// <param name="options">The execution, its <see cref="ExecutionOptions.CancellationToken"/> one that the deadline cancels.</param>
    public async Task<DeadlineResult> ExecuteAsync(ExecutionOptions options, RequestDeadline deadline)
    {
        using var span = new OperationSpan(options, metrics);
        var answer = await RunAsync(options, deadline);
        span.End(answer.Result, answer.TimedOut);
        return answer;
    }

    private async Task<DeadlineResult> RunAsync(ExecutionOptions options, RequestDeadline deadline)
    {
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            return new DeadlineResult(TimedOut(deadline), true);
        }
        // A resolver whose command was stopped fails with the provider's own error (SQLite's SQLITE_INTERRUPT): past
        // the deadline, a failure is the timeout. An answer completed just past it stands.
        if (deadline.Expired && result.Errors is { Count: > 0 })
            return new DeadlineResult(result.Errors is [{ Code: TimeoutCode }] ? result : TimedOut(deadline), true);
        return new DeadlineResult(result, false);
    }

    private static ExecutionResult TimedOut(RequestDeadline deadline) =>
        new()
        {
            Errors =
            [
                new ExecutionError($"The operation ran longer than {deadline.Timeout} (GraphQL:ExecutionTimeout) and was cancelled.")
                {
                    Code = TimeoutCode,
                },
            ],
        };
}

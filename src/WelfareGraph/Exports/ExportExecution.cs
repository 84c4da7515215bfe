using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WelfareGraph.Periods;
using WelfareGraph.Requests;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>The root field an export is about, with its arguments as the resolver saw them (variables applied, coerced).</summary>
public sealed record RootField(string Name, FieldType Definition, IDictionary<string, ArgumentValue> Arguments)
{
    public object? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value.Value : null;
}

public sealed record ExecutedExport(ExecutionResult Result, RootField Root);

/// <summary>
/// Runs an export's GraphQL document through the executer the HTTP endpoint uses, with the request's services
/// and caller — so authorization, scope, limits and the execution timeout apply exactly as to a query — and
/// keeps the root field's arguments: underlying exports read their <c>where</c> and <c>period</c> from them.
/// </summary>
public static class ExportExecution
{
    /// <param name="resolverServices">The caller's service scope (the request's, or a job's own), in which the resolvers run.</param>
    public static async Task<ExecutedExport> ExecuteAsync(
        GraphQLRunner runner,
        GraphQLLimits limits,
        ClaimsPrincipal user,
        IServiceProvider resolverServices,
        ExportSpec spec,
        CancellationToken cancellationToken
    )
    {
        var capture = new ArgumentCapture();
        using var deadline = RequestDeadline.Begin(limits.ExecutionTimeout, cancellationToken);
        var options = GraphQLRunner.Options(spec.Query, spec.OperationName, spec.Variables, user, resolverServices, deadline.Token);
        options.Listeners.Add(capture);
        var (result, timedOut) = await runner.ExecuteAsync(options, deadline);
        if (timedOut)
            throw new ExportException($"The query ran longer than {deadline.Timeout} and was cancelled.", "EXECUTION_TIMEOUT");
        if (result.Errors is { Count: > 0 } errors)
            throw new ExportQueryException(
                result,
                Http.DatabaseUnavailable.In(result) ? StatusCodes.Status503ServiceUnavailable
                    : errors.Any(e => e.Code == RootFieldAuthorization.NotAuthorized) ? StatusCodes.Status403Forbidden
                    : StatusCodes.Status400BadRequest
            );
        if (capture.Root is not { } root)
            throw new ExportException("The query returned no data to export.", "NO_DATA");
        return new ExecutedExport(result, root);
    }

    /// <summary>The period a root field's <c>period</c> argument names, for file names and underlying rows.</summary>
    public static ResolvedPeriod? Period(RootField root, TimeProvider clock) =>
        root.Argument("period") is PeriodInput input ? PeriodResolver.Resolve(input, clock) : null;

    /// <summary>Keeps the executing operation's first root field and its coerced arguments.</summary>
    private sealed class ArgumentCapture : IDocumentExecutionListener
    {
        public RootField? Root { get; private set; }

        public Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult) => Task.CompletedTask;

        public Task BeforeExecutionAsync(IExecutionContext context)
        {
            var field = context
                .Operation.SelectionSet.Selections.OfType<GraphQLField>()
                .FirstOrDefault(f => !f.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
            if (field is not null && context.Schema.Query.GetField(field.Name.StringValue) is { } definition)
            {
                var arguments = context.ArgumentValues?.GetValueOrDefault(field) ?? new Dictionary<string, ArgumentValue>();
                Root = new RootField(field.Name.StringValue, definition, arguments);
            }
            return Task.CompletedTask;
        }

        public Task AfterExecutionAsync(IExecutionContext context) => Task.CompletedTask;
    }
}

/// <summary>The GraphQL part of an export failed: the caller gets the result's errors, as the GraphQL endpoint would give them.</summary>
public sealed class ExportQueryException(ExecutionResult result, int status) : Exception("The export's query failed.")
{
    public ExecutionResult Result { get; } = result;
    public int Status { get; } = status;
}

using GraphQL.Execution;

namespace WelfareGraph.Security;

/// <summary>
/// Resolves the caller's scope when a validated document starts executing — after every limit has been
/// checked, so a refused document costs no SQL — and before any resolver asks for a DbContext.
/// </summary>
public sealed class ScopeResolution(CallerScopes scopes, IHttpContextAccessor http) : IDocumentExecutionListener
{
    public Task AfterValidationAsync(IExecutionContext context, GraphQL.Validation.IValidationResult validationResult) =>
        Task.CompletedTask;

    public async Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (http.HttpContext is { } request)
            await scopes.ResolveAsync(request, context.CancellationToken);
    }

    public Task AfterExecutionAsync(IExecutionContext context) => Task.CompletedTask;
}

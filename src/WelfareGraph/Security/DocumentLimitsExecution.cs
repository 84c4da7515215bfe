using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using WelfareGraph.Querying;

namespace WelfareGraph.Security;

/// <summary>
/// Every document the executer runs — from the GraphQL endpoint, exports and export jobs alike — is measured
/// against the limits first: the variables' depth and longest list, the tokens (before parsing, for a document not parsed yet),
/// then one <see cref="DocumentAnalysis"/> of the operation. A refusal is returned as a validation failure,
/// so GraphQL.NET's own rules (one of which compares same-named fields pairwise) never see an over-limit document.
/// </summary>
public sealed class DocumentLimitsExecution(GraphQLLimits limits, PagingOptions paging) : IConfigureExecution
{
    // Before every other execution option or middleware: nothing else should spend work on a refused document.
    public float SortOrder => float.MinValue;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (DocumentLimits.Variables(options.Variables, limits.MaxVariablesDepth, limits.MaxVariablesListLength) is { } variables)
            return Refused(variables);
        if (options.Document is null && options.Query is { } text)
        {
            try
            {
                options.Document = RequestDocument.Parse(text, limits);
            }
            catch (DocumentRefusedException refused)
            {
                return Refused(refused.Error);
            }
            catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
            {
                return await next(options); // the executer reports the syntax error precisely
            }
        }
        if (
            options.Document is { } document
            && options.Schema is { } schema
            && RequestDocument.OperationOf(document, options.OperationName) is { } operation
        )
        {
            schema.Initialize(); // the executer would do it next; the analysis needs the resolved field types now
            var analysis = DocumentAnalysis.Of(document, operation, schema, new(paging.DefaultPageSize, options.Variables));
            if (DocumentLimits.Refusals(analysis, limits) is { Count: > 0 } refusals)
                return Refused([.. refusals]);
        }
        return await next(options);
    }

    private static ExecutionResult Refused(params ExecutionError[] errors) => new() { Errors = [.. errors], Executed = false };
}

/// <summary>A document refused before it was parsed (or while it was): too long, too many tokens, nested past the parser's limit.</summary>
public sealed class DocumentRefusedException(ExecutionError error) : Exception(error.Message)
{
    public ExecutionError Error { get; } = error;
}

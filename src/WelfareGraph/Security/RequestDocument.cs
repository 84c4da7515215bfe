using GraphQL;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace WelfareGraph.Security;

/// <summary>
/// What the HTTP layer needs to know about a document before executing it — which operation runs, whether it
/// is a mutation, whether it only introspects, which root fields it asks for — read from the parsed text.
/// A document that does not parse is left to the executer, which reports the syntax error precisely.
/// </summary>
public sealed class RequestDocument
{
    private RequestDocument(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        Document = document;
        Operation = operation;
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
            if (definition is GraphQLFragmentDefinition fragment)
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        RootFields = [.. Fields(operation.SelectionSet, fragments, []).Distinct(StringComparer.Ordinal)];
        IsIntrospectionOnly =
            operation.Operation == OperationType.Query
            && RootFields.Count > 0
            && RootFields.All(f => f.StartsWith("__", StringComparison.Ordinal));
    }

    /// <summary>The parsed text, handed to the executer so the document is parsed once.</summary>
    public GraphQLDocument Document { get; }
    public GraphQLOperationDefinition Operation { get; }

    /// <summary>The names of the root fields it selects, fragments followed.</summary>
    public IReadOnlyList<string> RootFields { get; }

    /// <summary>Asks for nothing but the schema (<c>__schema</c>, <c>__type</c>, <c>__typename</c>).</summary>
    public bool IsIntrospectionOnly { get; }

    /// <summary>
    /// The document as GraphQL's printer writes it, without comments: the same for texts that differ only in layout,
    /// commas and comments, so that they share cached answers. Printed when first asked for (cached requests only).
    /// </summary>
    public string Normalized => field ??= new SDLPrinter(new SDLPrinterOptions { PrintComments = false }).Print(Document);

    /// <returns>Null for a document that does not parse (the executer reports syntax errors precisely) or names no operation to
    /// run.</returns>
    /// <exception cref="DocumentRefusedException">Too long, too many tokens, or nested past the parser's limit.</exception>
    public static RequestDocument? TryParse(string text, string? operationName, GraphQLLimits limits)
    {
        GraphQLDocument document;
        try
        {
            document = Parse(text, limits);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
        return OperationOf(document, operationName) is { } operation ? new RequestDocument(document, operation) : null;
    }

    /// <summary>Parses a document within the limits on its length and tokens, which bound the parser's work.</summary>
    /// <exception cref="DocumentRefusedException">Too long, too many tokens, or nested past the parser's limit.</exception>
    /// <exception cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException">Not GraphQL.</exception>
    public static GraphQLDocument Parse(string text, GraphQLLimits limits)
    {
        if (TooLong(text, limits) is { } tooLong)
            throw new DocumentRefusedException(tooLong);
        if (DocumentLimits.Tokens(text, limits.MaxTokens) is { } tokens)
            throw new DocumentRefusedException(tokens);
        try
        {
            return GraphQLParser.Parser.Parse(text);
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            throw new DocumentRefusedException(
                new("The document is nested more deeply than the parser allows.") { Code = "MAX_DEPTH_EXCEEDED" }
            );
        }
    }

    /// <summary>Checked first, before anything whose work grows with the text (hashing, lexing, parsing).</summary>
    public static ExecutionError? TooLong(string text, GraphQLLimits limits) =>
        text.Length <= limits.MaxDocumentLength
            ? null
            : new($"The document is longer than {limits.MaxDocumentLength} characters (GraphQL:MaxDocumentLength).")
            {
                Code = "DOCUMENT_TOO_LARGE",
            };

    /// <summary>The operation a request runs: the one named, or the only one.</summary>
    public static GraphQLOperationDefinition? OperationOf(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? only = null;
        var count = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
                continue;
            if (operationName is not null && operation.Name?.StringValue == operationName)
                return operation;
            only = operation;
            count++;
        }
        return operationName is null && count == 1 ? only : null;
    }

    public bool IsMutation => Operation.Operation is OperationType.Mutation or OperationType.Subscription;

    /// <summary>Each fragment followed once, so the walk is linear in the document.</summary>
    private static IEnumerable<string> Fields(
        GraphQLSelectionSet set,
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        HashSet<string> visited
    )
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field.Name.StringValue;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var name in Fields(inline.SelectionSet, fragments, visited))
                        yield return name;
                    break;
                case GraphQLFragmentSpread spread
                    when visited.Add(spread.FragmentName.Name.StringValue)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    foreach (var name in Fields(fragment.SelectionSet, fragments, visited))
                        yield return name;
                    break;
            }
        }
    }
}

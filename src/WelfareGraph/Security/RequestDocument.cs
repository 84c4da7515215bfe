using GraphQLParser.AST;

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
        RootFields = [.. Fields(operation.SelectionSet, []).Distinct(StringComparer.Ordinal)];
        IsIntrospectionOnly = operation.Operation == OperationType.Query && RootFields.Count > 0 && RootFields.All(f => f.StartsWith("__", StringComparison.Ordinal));
    }

    /// <summary>The parsed text, handed to the executer so the document is parsed once.</summary>
    public GraphQLDocument Document { get; }
    public GraphQLOperationDefinition Operation { get; }

    /// <summary>The names of the root fields it selects, fragments followed.</summary>
    public IReadOnlyList<string> RootFields { get; }

    /// <summary>Asks for nothing but the schema (<c>__schema</c>, <c>__type</c>, <c>__typename</c>).</summary>
    public bool IsIntrospectionOnly { get; }

    /// <exception cref="GraphQLParser.Exceptions.GraphQLMaxDepthExceededException">Nested past the parser's limit.</exception>
    public static RequestDocument? TryParse(string text, string? operationName)
    {
        GraphQLDocument document;
        try { document = GraphQLParser.Parser.Parse(text); }
        // The executer reports syntax errors precisely; a document nested past the parser's limit is the caller's to refuse.
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException) { return null; }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation is null ? null : new RequestDocument(document, operation);
    }

    public bool IsMutation => Operation.Operation is OperationType.Mutation or OperationType.Subscription;

    private IEnumerable<string> Fields(GraphQLSelectionSet set, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field.Name.StringValue;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var name in Fields(inline.SelectionSet, visited)) yield return name;
                    break;
                case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue):
                    var fragment = Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (fragment is not null)
                        foreach (var name in Fields(fragment.SelectionSet, visited)) yield return name;
                    break;
            }
        }
    }
}

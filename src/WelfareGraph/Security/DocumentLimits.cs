using GraphQL;
using GraphQLParser;

namespace WelfareGraph.Security;

/// <summary>
/// The refusals of a document over the limits: each with its own stable code and a message naming the limit
/// and its configured value. Every check reads one <see cref="DocumentAnalysis"/>, the lexer's token count or
/// one walk of the variables — never an expansion of what it counts.
/// </summary>
public static class DocumentLimits
{
    public static List<ExecutionError> Refusals(DocumentAnalysis analysis, GraphQLLimits limits)
    {
        var refusals = new List<ExecutionError>();
        void Over(long value, int limit, string code, string message)
        {
            if (value > limit)
                refusals.Add(new ExecutionError(message) { Code = code });
        }
        if (analysis.FragmentCycle is { } cycle)
            refusals.Add(
                new ExecutionError($"The fragment '{cycle}' spreads itself, directly or through other fragments.")
                {
                    Code = "FRAGMENT_CYCLE",
                }
            );
        Over(
            analysis.RootFields,
            limits.MaxRootFields,
            "TOO_MANY_ROOT_FIELDS",
            $"The operation selects {analysis.RootFields} root fields; at most {limits.MaxRootFields} are allowed (GraphQL:MaxRootFields)."
        );
        Over(
            analysis.Fields,
            limits.MaxFields,
            "TOO_MANY_FIELDS",
            $"The operation selects {analysis.Fields} fields once its fragments are expanded; "
                + $"at most {limits.MaxFields} are allowed (GraphQL:MaxFields)."
        );
        Over(
            analysis.Aliases,
            limits.MaxAliases,
            "TOO_MANY_ALIASES",
            $"The operation uses {analysis.Aliases} aliases; at most {limits.MaxAliases} are allowed (GraphQL:MaxAliases)."
        );
        Over(
            analysis.SameNameFields,
            limits.MaxSameNameFields,
            "TOO_MANY_SAME_NAME_FIELDS",
            $"One selection set has {analysis.SameNameFields} fields named '{analysis.SameName}'; "
                + $"at most {limits.MaxSameNameFields} may share a response name (GraphQL:MaxSameNameFields)."
        );
        Over(
            analysis.DirectivesPerLocation,
            limits.MaxDirectivesPerLocation,
            "TOO_MANY_DIRECTIVES",
            $"One location carries {analysis.DirectivesPerLocation} directives; "
                + $"at most {limits.MaxDirectivesPerLocation} are allowed (GraphQL:MaxDirectivesPerLocation)."
        );
        Over(
            analysis.Depth,
            limits.MaxDepth,
            "TOO_DEEP",
            $"The operation is nested {analysis.Depth} fields deep; at most {limits.MaxDepth} are allowed (GraphQL:MaxDepth)."
        );
        Over(
            analysis.IntrospectionNesting,
            limits.MaxIntrospectionNesting,
            "INTROSPECTION_TOO_DEEP",
            $"Introspection lists (fields, inputFields, interfaces, possibleTypes) are nested {analysis.IntrospectionNesting} deep; "
                + $"at most {limits.MaxIntrospectionNesting} are allowed (GraphQL:MaxIntrospectionNesting)."
        );
        Over(
            analysis.Cost,
            limits.MaxComplexity,
            "TOO_COMPLEX",
            $"The operation is too complex: it costs {analysis.Cost} (each field 1, times the sizes of the lists above it); "
                + $"at most {limits.MaxComplexity} is allowed (GraphQL:MaxComplexity)."
        );
        return refusals;
    }

    /// <summary>Counted with the lexer before anything is parsed: past the limit, the parse is not attempted.</summary>
    /// <returns>The refusal, or null when the document is within the limit (or does not lex: the parser reports that).</returns>
    public static ExecutionError? Tokens(string text, int limit)
    {
        if (text.Length <= limit)
            return null; // every token is at least one character: no need to count
        var tokens = 0;
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(text, position);
                if (token.Kind == TokenKind.EOF)
                    return null;
                if (++tokens > limit)
                    return new ExecutionError($"The document has more than {limit} tokens (GraphQL:MaxTokens).")
                    {
                        Code = "TOO_MANY_TOKENS",
                    };
                position = token.End;
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    /// <summary>
    /// The variables' nesting of objects and lists (the variables object being 1 deep) and their longest list, one
    /// walk over their values — before GraphQL.NET coerces every item of a list that no field would accept.
    /// </summary>
    public static ExecutionError? Variables(Inputs? variables, int limit, int longestList)
    {
        if (variables is null)
            return null;
        var pending = new Stack<(object? Value, int Depth)>();
        pending.Push((variables, 1));
        while (pending.Count > 0)
        {
            var (value, depth) = pending.Pop();
            if (value is string or null)
                continue;
            if (depth > limit && value is System.Collections.IEnumerable)
                return new ExecutionError($"The variables are nested more than {limit} deep (GraphQL:MaxVariablesDepth).")
                {
                    Code = "VARIABLES_TOO_DEEP",
                };
            switch (value)
            {
                case IEnumerable<KeyValuePair<string, object?>> fields:
                    foreach (var field in fields)
                        pending.Push((field.Value, depth + 1));
                    break;
                case System.Collections.ICollection { Count: var count } when count > longestList:
                    return new ExecutionError(
                        $"A list in the variables holds {count} items; at most {longestList} are allowed (GraphQL:MaxVariablesListLength)."
                    )
                    {
                        Code = "VARIABLES_TOO_LARGE",
                    };
                case System.Collections.IEnumerable items and not string:
                    foreach (var item in items)
                        pending.Push((item, depth + 1));
                    break;
            }
        }
        return null;
    }
}

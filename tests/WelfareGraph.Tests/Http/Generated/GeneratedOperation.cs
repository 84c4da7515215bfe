using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>An argument of a root field, written inline or passed as a variable of its schema type.</summary>
public sealed record Argument(string Name, string Type, GraphQLValue Value, bool AsVariable = false);

/// <summary>
/// One root field as generated: its arguments, its selection set (which may spread fragments), and whether its answer depends on the clock.
/// </summary>
public sealed record RootField(string Name, IReadOnlyList<Argument> Arguments, string Selection, bool Deterministic = true);

/// <summary>
/// A GraphQL request as the generator means it. <see cref="Valid"/> says the generator built it from real
/// fields, arguments and values, so the server must execute it without errors; corrupted ones may get any
/// answer the GraphQL over HTTP contract allows. <see cref="Kind"/> names what was generated, for the report.
/// </summary>
public sealed record GeneratedOperation(
    string Document,
    JsonObject? Variables,
    string? OperationName,
    string Kind,
    bool Valid,
    bool IsMutation = false,
    bool Deterministic = true
)
{
    public GeneratedOperation Corrupted(string kind, string? document = null, JsonObject? variables = null) =>
        this with
        {
            Kind = kind,
            Valid = false,
            Document = document ?? Document,
            Variables = variables ?? Variables,
        };

    /// <summary>
    /// Writes root fields as one query: aliased when there are several (the same field twice needs it),
    /// variables declared for the arguments that asked for one, fragments appended as the selections use them.
    /// </summary>
    public static GeneratedOperation Query(IReadOnlyList<RootField> fields, string? name, string kind)
    {
        var definitions = new List<string>();
        var variables = new JsonObject();
        var body = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (fields.Count > 1)
                body.Append($"f{i}: ");
            body.Append(field.Name);
            if (field.Arguments.Count > 0)
            {
                var written = field.Arguments.Select(argument =>
                {
                    if (!argument.AsVariable)
                        return $"{argument.Name}: {argument.Value.Literal()}";
                    var variable = $"v{definitions.Count}";
                    definitions.Add($"${variable}: {argument.Type}");
                    variables[variable] = argument.Value.Json();
                    return $"{argument.Name}: ${variable}";
                });
                body.Append('(').Append(string.Join(", ", written)).Append(')');
            }
            if (field.Selection.Length > 0)
                body.Append(' ').Append(field.Selection);
            body.Append(' ');
        }
        var header =
            definitions.Count > 0 ? $"query {name}({string.Join(", ", definitions)}) "
            : name is not null ? $"query {name} "
            : "";
        var document = header + "{ " + body + "}";
        document += Fragments.DefinitionsUsedBy(document);
        return new GeneratedOperation(
            document,
            definitions.Count > 0 ? variables : null,
            name,
            kind,
            Valid: true,
            Deterministic: fields.All(f => f.Deterministic)
        );
    }
}

/// <summary>
/// Named fragments the selections may spread, nested at most three deep (deeper spreads are another test's
/// subject: the shape limits), and spread more than once where a selection repeats them.
/// </summary>
public static partial class Fragments
{
    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        ["ProvinceFields"] = "fragment ProvinceFields on Province { code nameEn }",
        ["CountyFields"] = "fragment CountyFields on County { code nameFa province { ...ProvinceFields } }",
        ["ContributionFields"] = "fragment ContributionFields on Contribution { id amountRial county { ...CountyFields ...CountyFields } }",
        ["CenterFields"] = "fragment CenterFields on Center { code kind capacity county { ...CountyFields } }",
        ["PageFields"] = "fragment PageFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }",
    };

    /// <summary>The definitions of every fragment the document spreads, transitively (an unused one is a validation error).</summary>
    public static string DefinitionsUsedBy(string document)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([document]);
        while (pending.TryDequeue(out var text))
            foreach (Match spread in Spread().Matches(text))
                if (Definitions.TryGetValue(spread.Groups[1].Value, out var definition) && used.Add(spread.Groups[1].Value))
                    pending.Enqueue(definition);
        return string.Concat(used.Select(name => " " + Definitions[name]));
    }

    [GeneratedRegex(@"\.\.\.\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Spread();
}

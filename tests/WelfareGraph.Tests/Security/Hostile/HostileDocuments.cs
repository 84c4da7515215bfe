namespace WelfareGraph.Tests.Security.Hostile;

/// <summary>
/// A document an attacker with a valid token might send, the variables it comes with, and the code it must be refused with.
/// </summary>
public sealed record HostileDocument(string Name, string Query, string Code, string? VariablesJson = null)
{
    /// <summary>The one variable a hostile document with variables declares.</summary>
    public string VariableName => Query[(Query.IndexOf('$') + 1)..Query.IndexOf(':')];

    /// <summary>The GraphQL request body that sends it (JSON).</summary>
    public string Body() =>
        "{\"query\":"
        + System.Text.Json.Nodes.JsonValue.Create(Query).ToJsonString()
        + (VariablesJson is { } variables ? ",\"variables\":{\"" + VariableName + "\":" + variables + "}" : "")
        + "}";

    public override string ToString() => Name;
}

/// <summary>
/// The corpus of hostile documents: each is small enough to get past the size limits and would cost the
/// server far more than its size if anything expanded, compared or walked it naively.
/// </summary>
public static class HostileDocuments
{
    /// <summary><c>fragment F{k} on {type} {{ ...F{k-1} × width }}</c> for k = 2..levels, F1 selecting <paramref name="leaf"/>.</summary>
    public static string ExponentialFragments(int levels, int width, string type, string leaf)
    {
        var fragments = new List<string> { $"fragment F1 on {type} {{ {leaf} }}" };
        for (var k = 2; k <= levels; k++)
            fragments.Add($"fragment F{k} on {type} {{ {string.Join(' ', Enumerable.Repeat($"...F{k - 1}", width))} }}");
        return string.Join('\n', fragments);
    }

    private static string Repeat(string text, int times, string separator = " ") => string.Join(separator, Enumerable.Repeat(text, times));

    public static IEnumerable<HostileDocument> All()
    {
        // The issue's 768-byte document: nine fragments, each spreading the one below nine times: 9^8 root fields.
        yield return new(
            "exponential spreads",
            "query { ...F9 }\n" + ExponentialFragments(9, 9, "Query", "__typename"),
            "TOO_MANY_ROOT_FIELDS"
        );
        yield return new(
            "exponential spreads under introspection",
            "query { __schema { types { ...F9 } } }\n" + ExponentialFragments(9, 9, "__Type", "name"),
            "TOO_MANY_FIELDS"
        );
        yield return new(
            "exponential spreads of aliases",
            "query { province(code: \"IR-19\") { ...F8 } }\n" + ExponentialFragments(8, 9, "Province", "a: code"),
            "TOO_MANY_ALIASES"
        );
        // Each level nests the one below inside a field: the depth adds up through the spreads.
        yield return new(
            "nested spreads",
            "query { provinces { nodes { ...N20 } } }\nfragment N1 on Province { code }\n"
                + string.Join(
                    '\n',
                    Enumerable.Range(2, 19).Select(k => $"fragment N{k} on Province {{ counties {{ province {{ ...N{k - 1} }} }} }}")
                ),
            "TOO_DEEP"
        );
        yield return new(
            "a fragment cycle",
            "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }",
            "FRAGMENT_CYCLE"
        );
        // Field merging compares same-named fields pairwise: 1,500 of them would be over a million comparisons.
        yield return new(
            "thousands of same-named fields",
            "{ province(code: \"IR-19\") { " + Repeat("code", 1_500) + " } }",
            "TOO_MANY_SAME_NAME_FIELDS"
        );
        yield return new(
            "one response name for different fields",
            "{ province(code: \"IR-19\") { " + Repeat("a: code a: nameFa a: nameEn", 400) + " } }",
            "TOO_MANY_SAME_NAME_FIELDS"
        );
        yield return new(
            "same-named fields through fragments",
            "{ province(code: \"IR-19\") { ...F6 } }\n" + ExponentialFragments(6, 4, "Province", "code"),
            "TOO_MANY_SAME_NAME_FIELDS"
        );
        yield return new(
            "a wide selection",
            "{ province(code: \"IR-19\") { "
                + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"...W{i}"))
                + " } }\n"
                + string.Join(
                    '\n',
                    Enumerable
                        .Range(0, 300)
                        .Select(i =>
                            $"fragment W{i} on Province {{ code nameFa nameEn counties {{ code nameFa nameEn totalHouseholds }} }}"
                        )
                ),
            "TOO_MANY_FIELDS"
        );
        yield return new(
            "a deep selection",
            "{ provinces { nodes { " + Repeat("counties { province {", 10) + " code " + new string('}', 20) + " } } }",
            "TOO_DEEP"
        );
        yield return new(
            "a deep input object",
            "{ contributions(where: "
                + Repeat("{ and: [", 150, "")
                + "{ amountRial: { gt: 1 } }"
                + Repeat("] }", 150, "")
                + ") { totalCount } }",
            "MAX_DEPTH_EXCEEDED"
        );
        yield return new(
            "deep variables",
            "query($w: ContributionFilterInput) { contributions(where: $w) { totalCount } }",
            "VARIABLES_TOO_DEEP",
            Repeat("{\"and\":[", 30, "") + "{}" + Repeat("]}", 30, "")
        );
        yield return new(
            "many operations",
            string.Join(' ', Enumerable.Range(0, 3_200).Select(i => $"query Q{i}{{a}}")),
            "TOO_MANY_TOKENS"
        );
        yield return new(
            "a huge literal list",
            "{ contributions(where: { amountRial: { in: [" + Repeat("1", 16_000, ",") + "] } }) { totalCount } }",
            "TOO_MANY_TOKENS"
        );
        yield return new(
            "a huge variable list",
            "query($ids: [Long!]) { contributions(where: { amountRial: { in: $ids } }) { totalCount } }",
            "VARIABLES_TOO_LARGE",
            "[" + string.Join(',', Enumerable.Range(0, 100_000)) + "]"
        );
        yield return new(
            "repeated directives",
            "{ " + Repeat("__typename", 3) + " province(code: \"IR-19\") " + Repeat("@include(if: true)", 40) + " { code } }",
            "TOO_MANY_DIRECTIVES"
        );
        yield return new(
            "nested introspection lists",
            "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }",
            "INTROSPECTION_TOO_DEEP"
        );
        // A page size past 64 bits: the cost saturates instead of wrapping round to a small or negative number.
        yield return new("an astronomical page size", "{ contributions(first: 99999999999999999999999) { nodes { id } } }", "TOO_COMPLEX");
        yield return new("a page size past Int", "{ contributions(first: 3000000000) { nodes { id } } }", "TOO_COMPLEX");
        yield return new("a Persian field name", "{ استان { code } }", "SYNTAX_ERROR");
        yield return new(
            "a lone surrogate and NUL",
            "{ province(code: \"\\uD800\\u0000\u200F\") { code } __typename @skip(if: \"\u202E\") }",
            "ARGUMENTS_OF_CORRECT_TYPE"
        );
    }
}

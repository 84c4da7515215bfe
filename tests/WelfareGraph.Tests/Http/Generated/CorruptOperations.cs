using System.Text.Json.Nodes;
using CsCheck;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// Documents and variables a server meets from careless or hostile callers: broken syntax, fields and arguments
/// that do not exist, values of the wrong type, impossible Solar Hijri dates, numbers past every limit, deep
/// nesting, alias floods, fragment mistakes, awkward Unicode, mutations. Whatever the server answers must stay
/// inside the GraphQL over HTTP contract; none of these is expected to succeed (a few may, harmlessly).
/// </summary>
public static class CorruptOperations
{
    private static GeneratedOperation Document(
        string kind,
        string document,
        JsonObject? variables = null,
        string? operationName = null,
        bool mutation = false
    ) => new(document, variables, operationName, kind, Valid: false, IsMutation: mutation);

    /// <summary>Valid documents broken at a random place.</summary>
    private static readonly Gen<GeneratedOperation> Syntax =
        from operation in ValidOperations.Query
        from at in Gen.Double[0, 1]
        from damage in Gen.OneOf("truncate", "}", "{", "(", ")", ":", "\"", "$", "@", "...", "!", "=", "\u0000", "#")
        let position = Math.Clamp((int)(at * operation.Document.Length), 1, operation.Document.Length - 1)
        select operation.Corrupted(
            "syntax:" + (damage == "\u0000" ? "NUL" : damage),
            damage == "truncate" ? operation.Document[..position] : operation.Document[..position] + damage + operation.Document[position..]
        );

    /// <summary>A field that no type has, at the root or inside a selection; an argument no field takes.</summary>
    private static readonly Gen<GeneratedOperation> Unknown =
        from operation in ValidOperations.Query
        from place in Gen.OneOf("root", "nested", "argument")
        let brace = operation.Document.IndexOf("{ ", StringComparison.Ordinal)
        let nested = operation.Document.IndexOf("{ ", brace + 2, StringComparison.Ordinal)
        select place switch
        {
            "root" => operation.Corrupted("unknown:root-field", operation.Document.Insert(brace + 2, "population ")),
            "nested" when nested > 0 => operation.Corrupted("unknown:field", operation.Document.Insert(nested + 2, "nameDe ")),
            _ => Document("unknown:argument", "{ provinces(size: 3) { totalCount } }"),
        };

    /// <summary>Arguments of the wrong type, or out of the range the schema or the server allows.</summary>
    private static readonly Gen<GeneratedOperation> WrongValues = Gen.OneOf(
            "{ contributions(first: \"ten\") { totalCount } }",
            "{ contributions(first: 1.5) { totalCount } }",
            "{ contributions(first: -1) { totalCount } }",
            "{ contributions(first: 2147483648) { totalCount } }",
            "{ contributions(first: 100000) { totalCount } }",
            "{ contributions(first: 5, last: -5) { totalCount } }",
            "{ contributions(first: 3, after: \"not a cursor\") { nodes { id } } }",
            "{ contributions(first: 3, after: \"MjE0NzQ4MzY0Nw==\") { nodes { id } } }",
            "{ contributions(first: 3, after: \"LTE=\") { nodes { id } } }",
            "{ contributions(last: 3, before: \"MjE0NzQ4MzY0Nw==\") { nodes { id } } }",
            "{ contributionsPage(skip: -5, take: 3) { items { id } } }",
            "{ contributionsPage(skip: 2147483647, take: 50) { items { id } } }",
            "{ contributionsPage(take: -1) { items { id } } }",
            "{ contributions(where: { amountRial: { gte: 9223372036854775808 } }) { totalCount } }",
            "{ contributions(where: { amountRial: { gte: -9223372036854775808 } }) { totalCount } }",
            "{ contributions(where: { amountRial: { in: [1, \"2\", null] } }) { totalCount } }",
            "{ contributions(where: { type: { eq: MONEY } }) { totalCount } }",
            "{ contributions(where: { type: { eq: \"CASH\" } }) { totalCount } }",
            "{ contributions(where: { county: { code: { eq: null } } }) { totalCount } }",
            "{ contributions(where: { solarYear: { eq: 99999999999 } }) { totalCount } }",
            "{ contributions(order: [{ date: UP }]) { totalCount } }",
            "{ contributions(order: { date: ASC, amountRial: DESC }) { totalCount } }",
            "{ contributionTotals(groupBy: [COUNTIES]) { total { sum } } }",
            "{ contributionTotals(groupBy: COUNTY, unit: DOLLAR) { total { sum } } }",
            "{ contributionTotals(first: -1, groupBy: [COUNTY]) { groups { sum } } }",
            "{ contributionTotals(first: 0, groupBy: [MONTH], rollup: true) { groups { sum } } }",
            "{ contributionTotals(groupBy: [COUNTY, COUNTY]) { groups { sum } } }",
            "{ contributionTotals(having: { sum: { gte: 1e40 } }, groupBy: [COUNTY]) { groups { sum } } }",
            "{ contributionTotals(compareTo: PREVIOUS_PERIOD) { total { growth } } }",
            "{ contributionTotals(fillGaps: true, groupBy: [MONTH]) { groups { sum } } }",
            "{ contributionTotals(order: [{ county: ASC }]) { groups { sum } } }",
            "{ contributionTotals(period: { year: -1 }) { total { sum } } }",
            "{ contributionTotals(period: { year: 99999 }) { total { sum } } }",
            "{ contributionTotals(period: { year: 2147483647, quarter: 4 }) { total { sum } } }",
            "{ contributionTotals(period: { year: 1404, fromMonth: 0, toMonth: 13 }) { total { sum } } }",
            "{ contributionTotals(period: { year: 1404, quarter: 5 }) { total { sum } } }",
            "{ contributionTotals(period: { year: 1404, quarter: 2, fromMonth: 1 }) { total { sum } } }",
            "{ contributionTotals(period: { relative: LAST_MONTH, asOf: \"0001-01-01\" }) { total { sum } } }",
            "{ contributionTotals(period: { relative: LAST_12_MONTHS, asOf: \"1599-12-29\" }) { total { sum } } }",
            "{ contributionTotals(period: {}) { total { sum } } }",
            "{ participationReport(province: 19, period: { year: 1404 }) { total } }",
            "{ participationReport(province: \"IR-99\", period: { year: 1404 }) { total } }",
            "{ participationReport(province: \"IR-19\") { total } }",
            "{ participationReport(province: \"IR-19\", period: { year: 1404, fromMonth: 9, toMonth: 2 }) { total } }",
            "{ participationReport(province: \"IR-19\", period: { from: \"1404-09-30\", to: \"1404-01-01\" }) { total } }",
            "{ householdTotals(asOf: 14040930) { total { count } } }",
            "{ householdTotals(where: { members: { gt: 3 } }) { total { count } } }",
            "{ householdTotals(groupBy: [KIND], asOf: \"1404-01-01\") { total { count } } }",
            "{ province { code } }",
            "{ province(code: null) { code } }",
            "{ county(code: [\"IR-19-01\"]) { code } }",
            "{ provinces { nodes } }",
            "{ provinces(first: 5) { nodes { counties } } }",
            "{ __type { name } }",
            "{ __schema { types { fields { type { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { name } } } } } } } } } } } }"
        )
        .Select(document => Document("wrong-value", document));

    /// <summary>Days that do not exist, in every spelling the parser accepts for real ones.</summary>
    private static readonly Gen<GeneratedOperation> ImpossibleDates =
        from date in Gen.OneOf(
            "1404-12-30",
            "۱۴۰۴-۱۲-۳۰",
            "1404-07-31",
            "1404-13-01",
            "1404-00-10",
            "1404-01-00",
            "1404-1-32",
            "2025-02-30",
            "1600-01-01",
            "1299-12-29",
            "abc",
            "",
            "1404/12/30",
            "\u200F1404-12-30\u200F",
            "١٤٠٤-١٢-٣٠",
            "99999-01-01",
            "1404-09-30T00:00:00"
        )
        from place in Gen.OneOf("period-from", "period-to", "asOf", "relative-asOf", "filter")
        from asVariable in Gen.Bool
        select place switch
        {
            "period-from" => Dated(
                "date:period",
                "participationReport(province: \"IR-19\", period: {0}) { total }",
                "PeriodInput!",
                GraphQLValue.Object(("from", GraphQLValue.Of(date)), ("to", GraphQLValue.Of("1404-09-30"))),
                asVariable
            ),
            "period-to" => Dated(
                "date:period",
                "contributionTotals(period: {0}) { total { sum } }",
                "PeriodInput",
                GraphQLValue.Object(("from", GraphQLValue.Of("1404-01-01")), ("to", GraphQLValue.Of(date))),
                asVariable
            ),
            "asOf" => Dated(
                "date:asOf",
                "householdTotals(asOf: {0}) { asOf total { count } }",
                "LocalDate",
                GraphQLValue.Of(date),
                asVariable
            ),
            "relative-asOf" => Dated(
                "date:relative",
                "contributionTotals(period: {0}) { total { sum } }",
                "PeriodInput",
                GraphQLValue.Object(("relative", GraphQLValue.Enum("LAST_3_MONTHS")), ("asOf", GraphQLValue.Of(date))),
                asVariable
            ),
            _ => Dated(
                "date:filter",
                "contributions(first: 2, where: {0}) { nodes { date } }",
                "ContributionFilterInput",
                GraphQLValue.Object(("date", GraphQLValue.Object(("gte", GraphQLValue.Of(date))))),
                asVariable
            ),
        };

    private static GeneratedOperation Dated(string kind, string field, string type, GraphQLValue value, bool asVariable) =>
        asVariable
            ? Document(
                kind,
                $"query($d: {type}) {{ {field.Replace("{0}", "$d", StringComparison.Ordinal)} }}",
                new JsonObject { ["d"] = value.Json() }
            )
            : Document(kind, "{ " + field.Replace("{0}", value.Literal(), StringComparison.Ordinal) + " }");

    /// <summary>Valid documents whose variables are of the wrong type, missing, extra or undeclared.</summary>
    private static readonly Gen<GeneratedOperation> WrongVariables =
        from operation in ValidOperations.Query
        from value in Gen.OneOf<JsonNode?>(
            JsonValue.Create("x"),
            JsonValue.Create(1.5),
            JsonValue.Create(-1),
            JsonValue.Create(1e300),
            JsonValue.Create(long.MaxValue),
            new JsonObject { ["year"] = "last year" },
            new JsonArray(1, 2),
            JsonValue.Create(true),
            null,
            new JsonObject()
        )
        from change in Gen.OneOf("replace", "drop", "undeclared")
        select change switch
        {
            "replace" when operation.Variables is { Count: > 0 } variables => operation.Corrupted(
                "variables:wrong-type",
                variables: Replace(variables, value)
            ),
            "drop" when operation.Variables is { Count: > 0 } => operation.Corrupted("variables:missing", variables: new JsonObject()),
            _ => Document("variables:undeclared", "{ county(code: $c) { code } }", new JsonObject { ["c"] = "IR-19-01" }),
        };

    private static JsonObject Replace(JsonObject variables, JsonNode? value)
    {
        var changed = (JsonObject)variables.DeepClone();
        changed[changed.First().Key] = value?.DeepClone();
        return changed;
    }

    /// <summary>Nesting past the depth limit: selections, filters and list values.</summary>
    private static readonly Gen<GeneratedOperation> Deep =
        from depth in Gen.Int[8, 40]
        from shape in Gen.OneOf("selection", "filter", "list")
        select shape switch
        {
            "selection" => Document(
                "deep:selection",
                "{ county(code: \"IR-19-01\") { "
                    + string.Concat(Enumerable.Repeat("province { counties { ", depth / 2))
                    + "code"
                    + string.Concat(Enumerable.Repeat(" } }", depth / 2))
                    + " } }"
            ),
            "filter" => Document(
                "deep:filter",
                "{ contributions(first: 1, where: "
                    + string.Concat(Enumerable.Repeat("{ and: [", depth))
                    + "{ solarYear: { eq: 1404 } }"
                    + string.Concat(Enumerable.Repeat("] }", depth))
                    + ") { totalCount } }"
            ),
            _ => Document(
                "deep:list",
                "{ county(code: " + new string('[', depth * 4) + "\"IR-19-01\"" + new string(']', depth * 4) + ") { code } }"
            ),
        };

    /// <summary>Aliases: floods past the limits, conflicting ones, and the same field under many names.</summary>
    private static readonly Gen<GeneratedOperation> Aliases =
        from count in Gen.Int[2, 40]
        from field in Gen.OneOf(
            "__typename",
            "province(code: \"IR-19\") { code }",
            "contributionTotals(groupBy: [COUNTY]) { total { count } }"
        )
        from conflict in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        select conflict
            ? Document("alias:conflict", "{ a: provinces(first: 1) { totalCount } a: counties(first: 1) { totalCount } }")
            : Document("alias:many", "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }");

    /// <summary>Fragment mistakes (unknown, unused, on the wrong type, in a cycle) and fragments repeated.</summary>
    private static readonly Gen<GeneratedOperation> FragmentMistakes =
        from repeats in Gen.Int[2, 12]
        from kind in Gen.OneOf("unknown", "unused", "wrong-type", "cycle", "repeated", "inline-wrong-type")
        select kind switch
        {
            "unknown" => Document("fragment:unknown", "{ provinces(first: 2) { nodes { ...Nope } } }"),
            "unused" => Document("fragment:unused", "{ provinces(first: 2) { totalCount } } fragment P on Province { code }"),
            "wrong-type" => Document("fragment:wrong-type", "{ provinces(first: 2) { nodes { ...C } } } fragment C on County { code }"),
            "cycle" => Document(
                "fragment:cycle",
                "{ county(code: \"IR-19-01\") { ...A } } fragment A on County { code province { ...B } "
                    + "} fragment B on Province { counties { ...A } }"
            ),
            "inline-wrong-type" => Document("fragment:inline-wrong-type", "{ provinces(first: 2) { nodes { ... on County { code } } } }"),
            _ => Document(
                "fragment:repeated",
                "{ county(code: \"IR-19-02\") { "
                    + string.Concat(Enumerable.Repeat("...CountyFields ", repeats))
                    + "} }"
                    + Fragments.DefinitionsUsedBy("...CountyFields")
            ),
        };

    /// <summary>Text a Persian UI or a fuzzer sends: NUL, direction marks, joiners, emoji, escaped lone surrogates, a BOM.</summary>
    private static readonly Gen<GeneratedOperation> Unicode =
        from text in Gen.OneOf(
            "\\u0000",
            "IR-19\\u0000-01",
            "\u200F\u202Eزنجان\u202C",
            "\u200C\u200D",
            "\U0001F600",
            "\\uD800",
            "\\uDFFF",
            "\\uD83D\\uDE00",
            "\\u202E",
            "ي\u0640ك",
            "IR\u201119\u201101",
            "\uFEFF",
            "\\\"",
            "\\\\"
        )
        from place in Gen.OneOf("filter", "code", "document-bom", "comment", "variable")
        select place switch
        {
            "filter" => Document(
                "unicode:filter",
                $"{{ contributions(first: 3, where: {{ description: {{ contains: \"{text}\" }} "
                    + $"}}) {{ totalCount nodes {{ description }} }} }}"
            ),
            "code" => Document("unicode:code", $"{{ county(code: \"{text}\") {{ code nameFa }} }}"),
            "document-bom" => Document("unicode:bom", "\uFEFF{ province(code: \"IR-19\") { nameFa } }"),
            "comment" => Document("unicode:comment", $"# {text}\n{{ __typename }}"),
            _ => Document(
                "unicode:variable",
                "query($t: String!) { counties(where: { nameFa: { contains: $t } }) { totalCount } }",
                new JsonObject
                {
                    ["t"] = text.Contains("\\uD", StringComparison.Ordinal)
                        ? "\u200F"
                        : System.Text.RegularExpressions.Regex.Unescape(text),
                }
            ),
            // (lone surrogates reach the server as JSON escapes in the transport's corruptions, not through a test-side serializer)
        };

    /// <summary>Operation names that select nothing, and several operations without a name.</summary>
    private static readonly Gen<GeneratedOperation> OperationNames = Gen.OneOf(
        Document("operation:unknown-name", "query A { __typename }", operationName: "B"),
        Document("operation:ambiguous", "query A { __typename } query B { __typename }"),
        Document("operation:anonymous-and-named", "{ __typename } query B { __typename }"),
        Document("operation:duplicate-name", "query A { __typename } query A { provinces { totalCount } }", operationName: "A"),
        Document("operation:subscription", "subscription { contributions { totalCount } }"),
        Document("operation:empty", "{ }"),
        Document("operation:directive", "{ __typename @nope }"),
        Document(
            "operation:skip",
            "query($s: Boolean!) { __typename @skip(if: $s) province(code: \"IR-19\") @include(if: true) { code } }",
            new JsonObject { ["s"] = true }
        )
    );

    /// <summary>Writes an analyst may not make (refused per field) and mutations in general (refused over GET).</summary>
    private static readonly Gen<GeneratedOperation> Mutations = Gen.OneOf(
        Document("mutation:close", "mutation { closePeriod(province: \"IR-19\", year: 1404, month: 1) { year month } }", mutation: true),
        Document("mutation:reopen", "mutation { reopenPeriod(province: \"IR-19\", year: 1404, month: 1) }", mutation: true),
        Document(
            "mutation:dry-run",
            "mutation { upsertContributions(input: { sourceSystem: \"generated\", dryRun: true, items: [] }) { inserted written } }",
            mutation: true
        ),
        Document(
            "mutation:wrong-type",
            "mutation { closePeriod(province: \"IR-19\", year: \"1404\", month: 13) { year } }",
            mutation: true
        ),
        Document("mutation:unknown", "mutation { deleteEverything }", mutation: true)
    );

    public static readonly Gen<GeneratedOperation> Any = Gen.Frequency(
        (3, Syntax),
        (2, Unknown),
        (4, WrongValues),
        (3, ImpossibleDates),
        (2, WrongVariables),
        (2, Deep),
        (1, Aliases),
        (2, FragmentMistakes),
        (2, Unicode),
        (1, OperationNames),
        (2, Mutations)
    );
}

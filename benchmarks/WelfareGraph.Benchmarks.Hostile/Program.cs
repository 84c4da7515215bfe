using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using WelfareGraph.Benchmarks;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security.Hostile;

// How long the server takes to refuse each hostile document, end to end over its HTTP pipeline (in memory), at
// the corpus's sizes and grown to the largest the size limits let through. Target: under 50 ms each.
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Hostile -- [runs]
var runs = args.Length > 0 ? int.Parse(args[0]) : 30;
var limits = new GraphQLLimits();

// The embedded default (SQLite demo data, a local developer on loopback), without the rate limit this loop would hit.
using var factory = new WelfareGraphFactory(
    new Dictionary<string, string?> { ["GraphQL:RateLimit:PermitLimit"] = "100000000", ["Logging:LogLevel:Default"] = "Warning" }
);
using var client = factory.CreateClient();

async Task<(double Ms, string Code)> RefuseAsync(HostileDocument hostile)
{
    var body = hostile.Body();
    var started = Stopwatch.GetTimestamp();
    using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    return (elapsed, json["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? "answered");
}

// The largest of each family that still fits MaxDocumentLength and MaxTokens (the limits checked before analysis).
var tokensLeft = limits.MaxTokens - 100;
var grown = new List<HostileDocument>
{
    new(
        "exponential spreads, at the token limit",
        "query { ...F9 }\n" + HostileDocuments.ExponentialFragments(9, tokensLeft / 9 / 2, "Query", "__typename"),
        "TOO_MANY_ROOT_FIELDS"
    ),
    new(
        "exponential spreads under introspection, at the token limit",
        "query { __schema { types { ...F9 } } }\n" + HostileDocuments.ExponentialFragments(9, tokensLeft / 9 / 2, "__Type", "name"),
        "TOO_MANY_FIELDS"
    ),
    new(
        "same-named fields, at the size limit",
        "{ province(code: \"IR-19\") { "
            + string.Join(' ', Enumerable.Repeat("code", Math.Min(tokensLeft, (limits.MaxDocumentLength - 40) / 5)))
            + " } }",
        "TOO_MANY_SAME_NAME_FIELDS"
    ),
    new(
        "one response name for different fields, at the size limit",
        "{ "
            + string.Join(
                ' ',
                Enumerable.Repeat("a: __typename a: __schema { queryType { name } }", (limits.MaxDocumentLength - 10) / 48 / 2)
            )
            + " }",
        "TOO_MANY_SAME_NAME_FIELDS"
    ),
};
var corpus = HostileDocuments.All().Concat(grown).Where(h => h.Query.Length <= limits.MaxDocumentLength).ToList();

var baseline = new HostileDocument("{ __typename } (answered, for scale)", "{ __typename }", "answered");
foreach (var hostile in corpus.Prepend(baseline))
    for (var i = 0; i < 5; i++)
        await RefuseAsync(hostile); // warm-up

Console.WriteLine(
    $"{"document".PadRight(64)} {"chars".PadLeft(7)} {"code".PadRight(26)} {"median".PadLeft(8)} {"p95".PadLeft(8)} {"max".PadLeft(8)} (ms)"
);
var worst = 0.0;
foreach (var hostile in corpus.Prepend(baseline))
{
    var times = new List<double>();
    var code = "";
    for (var i = 0; i < runs; i++)
    {
        var (ms, answered) = await RefuseAsync(hostile);
        times.Add(ms);
        code = answered;
    }
    if (hostile != baseline)
        worst = Math.Max(worst, Statistics.Quantile(times, 0.95));
    Console.WriteLine(
        $"{hostile.Name.PadRight(64)} {hostile.Query.Length.ToString().PadLeft(7)} {code.PadRight(26)} "
            + $"{Statistics.Median(times).ToString("0.00").PadLeft(8)} "
            + $"{Statistics.Quantile(times, 0.95).ToString("0.00").PadLeft(8)} {times.Max().ToString("0.00").PadLeft(8)}"
    );
}
Console.WriteLine($"worst p95 to refuse: {worst:0.00} ms (target: under 50 ms)");

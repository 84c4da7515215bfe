using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Schema;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security.Hostile;

/// <summary>
/// Every hostile document of the corpus is refused with its own code, before any SQL runs, and the analysis
/// that refuses it does work linear in the document: it visits at most a few nodes per token.
/// </summary>
public sealed class HostileDocumentTests(CountedSecuredServer server) : IClassFixture<CountedSecuredServer>
{
    /// <summary>Selections, merged names, arguments and directives visited per token of the document, at most.</summary>
    private const int VisitsPerToken = 2;

    private static readonly string[] RefusedByTheLimits =
    [
        "TOO_MANY_ROOT_FIELDS",
        "TOO_MANY_FIELDS",
        "TOO_MANY_ALIASES",
        "TOO_DEEP",
        "FRAGMENT_CYCLE",
        "TOO_MANY_SAME_NAME_FIELDS",
        "MAX_DEPTH_EXCEEDED",
        "VARIABLES_TOO_DEEP",
        "VARIABLES_TOO_LARGE",
        "TOO_MANY_TOKENS",
        "TOO_MANY_DIRECTIVES",
        "INTROSPECTION_TOO_DEEP",
        "TOO_COMPLEX",
    ];

    public static TheoryData<HostileDocument> Corpus() => new(HostileDocuments.All());

    private string Token => server.Identity.Token([WelfareRoles.Admin], "IR-19-01", subject: "hostile");

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_hostile_document_is_refused_with_its_code(HostileDocument hostile)
    {
        server.Counter.Reset();
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(hostile.Body(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var codes = json["errors"]!.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>()).ToList();
        Assert.True(codes.Contains(hostile.Code), $"{response.StatusCode}: {string.Join(' ', codes)}");
        Assert.Null(json["data"]?["contributions"]); // nothing was answered
        if (RefusedByTheLimits.Contains(hostile.Code))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(json["data"]);
            Assert.Equal(0, server.Counter.CommandCount);
            var message = json["errors"]![codes.IndexOf(hostile.Code)]!["message"]!.GetValue<string>();
            if (hostile.Code is not ("FRAGMENT_CYCLE" or "MAX_DEPTH_EXCEEDED"))
                Assert.Contains("GraphQL:Max", message); // names the limit
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_analysis_of_each_hostile_document_is_linear_in_its_tokens(HostileDocument hostile)
    {
        var tokens = Tokens(hostile.Query);
        if (tokens > new GraphQLLimits().MaxTokens || Parse(hostile.Query) is not { } document)
            return; // never analysed: refused before
        var analysis = Analyse(document, hostile.VariablesJson is { } v ? Variables(hostile.VariableName, v) : null);
        Assert.InRange(analysis.NodesVisited, 1, VisitsPerToken * tokens);
    }

    [Fact]
    public void Exponential_spreads_are_counted_exactly_without_being_expanded()
    {
        var document = Parse("query { ...F9 }\n" + HostileDocuments.ExponentialFragments(9, 9, "Query", "__typename"))!;
        var analysis = Analyse(document);
        var expanded = (long)Math.Pow(9, 8); // F1 once, each level above it nine times: 9^8 = 43,046,721
        Assert.Equal(
            (expanded, expanded, expanded, "__typename"),
            (analysis.RootFields, analysis.Fields, analysis.SameNameFields, analysis.SameName)
        );
        Assert.Equal(0, analysis.Cost); // __typename is answered from the schema

        var aliases = Analyse(
            Parse("{ province(code: \"IR-19\") { ...F8 } }\n" + HostileDocuments.ExponentialFragments(8, 9, "Province", "a: code"))!
        );
        Assert.Equal(((long)Math.Pow(9, 7), 1 + (long)Math.Pow(9, 7), 1L), (aliases.Aliases, aliases.Fields, aliases.RootFields));
    }

    [Fact]
    public void Counts_saturate_instead_of_overflowing()
    {
        // 40 levels of 9 spreads would be 9^39 fields, far past 64 bits.
        var analysis = Analyse(Parse("query { ...F40 }\n" + HostileDocuments.ExponentialFragments(40, 9, "Query", "__typename"))!);
        Assert.Equal((long.MaxValue, long.MaxValue), (analysis.Fields, analysis.RootFields));
        var costly = Analyse(Parse("{ contributions(first: 99999999999999999999999) { nodes { id county { centers { code } } } } }")!);
        Assert.Equal(long.MaxValue, costly.Cost);
    }

    [Fact]
    public void The_cost_multiplies_by_the_page_asked_for_and_the_default_page_elsewhere()
    {
        // contributions(first: 50): 1, plus its page's list: nodes 1 + 50 items × (county: 1 + its list
        // centers: 1 + 10 items by default × (code + name)).
        var analysis = Analyse(Parse("{ contributions(first: 50) { totalCount nodes { county { centers { code name } } } } }")!);
        Assert.Equal(1 + 1 + 1 + 50 * (1 + 1 + 10 * 2), analysis.Cost);
        var fromVariable = Analyse(
            Parse("query($n: Int) { contributions(first: $n) { nodes { id } } }")!,
            new Inputs(new Dictionary<string, object?> { ["n"] = 7 })
        );
        Assert.Equal(1 + 1 + 7 * 1, fromVariable.Cost);
        Assert.Equal(1 + 1 + 10 * 1, Analyse(Parse("{ contributions { nodes { id } } }")!).Cost);
        // The same page through a fragment: the fragment's lists take the page of the field it is spread in.
        Assert.Equal(
            1 + 1 + 7 * 1,
            Analyse(Parse("{ contributions(first: 7) { ...P } } fragment P on ContributionsConnection { nodes { id } }")!).Cost
        );
    }

    [Fact]
    public void What_the_IDE_and_the_trusted_operations_send_is_within_every_limit()
    {
        var limits = new GraphQLLimits();
        var documents = Directory
            .GetFiles(Path.Combine(Infrastructure.RepositoryPaths.Schema, "operations"), "*.graphql")
            .Select(File.ReadAllText)
            .Append(IntrospectionQueries.Full)
            .ToList();
        Assert.True(documents.Count >= 3);
        foreach (var text in documents)
        {
            Assert.True(Tokens(text) <= limits.MaxTokens);
            var document = Parse(text)!;
            foreach (var operation in document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>())
            {
                var analysis = DocumentAnalysis.Of(document, operation, Schema, new(10, null));
                Assert.Empty(DocumentLimits.Refusals(analysis, limits).Select(e => e.Message));
                Assert.True(analysis.Fields > 0);
            }
        }
    }

    [Fact]
    public async Task An_ingestion_batch_of_the_largest_size_passes_the_limits()
    {
        const string upsert =
            "mutation($input: UpsertContributionsInput!) { upsertContributions(input: $input) { inserted errors { code } } }";
        var items = Enumerable
            .Range(0, 5_000)
            .Select(i => new
            {
                externalId = $"big-{i}",
                date = "1404-08-15",
                countyCode = "IR-19-01",
                type = "CASH",
                sector = "GOVERNMENT",
                intent = "LIVELIHOOD",
                channel = "COLLECTION_BASE",
                amountRial = 1_000 + i,
            })
            .ToArray();
        var (status, body) = await server.PostAsync(
            server.Identity.Token([WelfareRoles.Integration], "IR-19-01", subject: "batch"),
            upsert,
            new
            {
                input = new
                {
                    sourceSystem = "hostile-batch",
                    items,
                    atomic = true,
                    dryRun = true,
                },
            }
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
        Assert.Equal(5_000, body["data"]!["upsertContributions"]!["inserted"]!.GetValue<int>());
    }

    private ISchema Schema
    {
        get
        {
            var schema = server.Factory.Services.GetRequiredService<WelfareSchema>();
            schema.Initialize();
            return schema;
        }
    }

    private DocumentAnalysis Analyse(GraphQLParser.AST.GraphQLDocument document, Inputs? variables = null) =>
        DocumentAnalysis.Of(
            document,
            RequestDocument.OperationOf(
                document,
                document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First().Name?.StringValue
            )!,
            Schema,
            new(10, variables)
        );

    private static GraphQLParser.AST.GraphQLDocument? Parse(string text)
    {
        try
        {
            return GraphQLParser.Parser.Parse(text);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }

    /// <summary>The lexer's tokens, counted here independently of the server's check.</summary>
    private static int Tokens(string text)
    {
        var (count, position) = (0, 0);
        try
        {
            for (
                var token = GraphQLParser.Lexer.Lex(text, 0);
                token.Kind != GraphQLParser.TokenKind.EOF;
                token = GraphQLParser.Lexer.Lex(text, position)
            )
                (count, position) = (count + 1, token.End);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException) { }
        return count;
    }

    private static Inputs Variables(string name, string json) =>
        new GraphQLSerializer().Deserialize<Inputs>("{\"" + name + "\":" + json + "}")!;
}

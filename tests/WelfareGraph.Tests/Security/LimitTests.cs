using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>The demo data behind Entra ID, with a <see cref="SqlCounter"/> on every DbContext.</summary>
public sealed class CountedSecuredServer : SecuredServer
{
    public SqlCounter Counter { get; } = new();

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(environment: "Production", identity: Identity)
            {
                TestServices = services => services.AddSingleton<IInterceptor>(Counter),
            }
        );
}

/// <summary>
/// Over-limit requests are refused before any SQL runs — not even the lookup of the caller's scope — and
/// normal ones, the IDE's full introspection included, pass.
/// </summary>
public sealed class LimitTests(CountedSecuredServer server) : IClassFixture<CountedSecuredServer>
{
    // A county-scoped caller: resolving its scope would be the first SQL of any request that executes.
    private string Token => server.Identity.Token([WelfareRoles.Admin], "IR-19-01", subject: "limits");

    /// <summary>The limit, an over-limit document, the error code and a word of its message.</summary>
    public static TheoryData<string, string, string, string> OverLimit()
    {
        var deep =
            "{ provinces(first: 1) { nodes { "
            + string.Concat(Enumerable.Repeat("counties { province { ", 8))
            + "code"
            + new string('}', 8 * 2)
            + " } } }";
        // 50 contributions × 10 centres × 10 charities of each: the list sizes multiply.
        const string costly = "{ contributions(first: 50) { nodes { county { centers { county { charities { code name } } } } } } }";
        var aliases = "{ province(code: \"IR-19\") { " + string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: code")) + " } }";
        var roots = "{ " + string.Join(' ', Enumerable.Range(0, 21).Select(i => $"r{i}: __typename")) + " }";
        const string introspection =
            "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
        // Past the parser's own nesting limit: refused by the parser, not a 500.
        var parserDeep = string.Concat(Enumerable.Repeat("{ provinces { nodes ", 60)) + "{ code }" + new string('}', 60 * 2);
        var aliasesInFragments =
            "query { ...F ...F } fragment F on Query { province(code: \"IR-19\") { "
            + string.Join(' ', Enumerable.Range(0, 16).Select(i => $"b{i}: code"))
            + " } }";
        return new()
        {
            { "depth", deep, "TOO_DEEP", "nested" },
            { "cost", costly, "TOO_COMPLEX", "complex" },
            { "aliases", aliases, "TOO_MANY_ALIASES", "aliases" },
            { "aliases through fragments", aliasesInFragments, "TOO_MANY_ALIASES", "aliases" },
            { "root fields", roots, "TOO_MANY_ROOT_FIELDS", "root fields" },
            { "nested introspection", introspection, "INTROSPECTION_TOO_DEEP", "nested" },
            { "parser depth", parserDeep, "MAX_DEPTH_EXCEEDED", "nested" },
            { "document length", "{ " + new string(' ', 70_000) + "__typename }", "DOCUMENT_TOO_LARGE", "longer" },
        };
    }

    [Theory]
    [MemberData(nameof(OverLimit))]
    public async Task An_over_limit_document_is_refused_before_any_SQL(string limit, string query, string code, string word)
    {
        _ = limit;
        server.Counter.Reset();
        var (status, body) = await server.PostAsync(Token, query);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{status}");
        Assert.Null(body!["data"]);
        Assert.Contains(
            body["errors"]!.AsArray(),
            e =>
                e!["extensions"]?["code"]?.GetValue<string>() == code
                && e["message"]!.GetValue<string>().Contains(word, StringComparison.OrdinalIgnoreCase)
        );
        Assert.Equal(0, server.Counter.CommandCount);
    }

    [Fact]
    public async Task The_same_caller_within_the_limits_runs_SQL()
    {
        server.Counter.Reset();
        var data = await server.DataAsync(Token, "{ contributions(first: 50) { totalCount nodes { county { code } } } }");
        Assert.All(data["contributions"]!["nodes"]!.AsArray(), n => Assert.Equal("IR-19-01", n!["county"]!["code"]!.GetValue<string>()));
        Assert.True(server.Counter.CommandCount >= 2, "the scope lookup and the page");
    }

    [Fact]
    public async Task An_IDEs_full_introspection_is_within_the_limits()
    {
        var data = await server.DataAsync(Token, IntrospectionQueries.Full);
        Assert.Contains(data["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Contribution");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_not_read_further()
    {
        server.Counter.Reset();
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), Token);
        var padding = new string('x', new GraphQLLimits().MaxRequestBytes);
        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }", variables = new { padding } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("REQUEST_TOO_LARGE", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, server.Counter.CommandCount);
    }

    [Fact]
    public async Task A_batch_runs_each_request_and_a_batch_over_the_limit_is_refused()
    {
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), Token);
        var two = await client.PostAsync(
            "/graphql",
            Json("""[{"query":"{ province(code: \"IR-19\") { code } }"},{"query":"{ county(code: \"IR-19-02\") { code } }"}]""")
        );
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        var results = JsonNode.Parse(await two.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("IR-19", results[0]!["data"]!["province"]!["code"]!.GetValue<string>());
        Assert.Null(results[1]!["data"]!["county"]); // outside IR-19-01

        server.Counter.Reset();
        var eleven =
            "[" + string.Join(',', Enumerable.Repeat("""{"query":"{ __typename }"}""", new GraphQLLimits().MaxBatchSize + 1)) + "]";
        var refused = await client.PostAsync("/graphql", Json(eleven));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("BATCH_TOO_LARGE", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, server.Counter.CommandCount);
    }

    [Fact]
    public async Task Anonymous_requests_run_no_SQL_either()
    {
        server.Counter.Reset();
        var (status, _) = await server.PostAsync(null, "{ contributions(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, server.Counter.CommandCount);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}

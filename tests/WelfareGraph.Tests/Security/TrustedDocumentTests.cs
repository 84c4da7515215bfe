using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>Dashboards call schema/operations by id; some callers may call nothing else.</summary>
public sealed class TrustedOnlyForAnalysts : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(
                new Dictionary<string, string?> { ["GraphQL:TrustedDocuments:RequiredForRoles:0"] = WelfareRoles.Analyst },
                "Production",
                Identity
            )
        );
}

public sealed class TrustedDocumentTests(TrustedOnlyForAnalysts server) : IClassFixture<TrustedOnlyForAnalysts>
{
    private const string Variables = """{"province":"IR-19","period":{"year":1404,"fromMonth":1,"toMonth":9}}""";
    private static string File => Path.Combine(RepositoryPaths.Schema, "operations", "ParticipationStatement.graphql");

    private static string Sha256OfFile() =>
        "sha256:"
        + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(File).ReplaceLineEndings("\n"))));

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string role, string json)
    {
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), server.Token(role));
        var response = await client.PostAsync("/graphql", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static void AssertTheStatement(JsonNode? body) =>
        Assert.Equal(56_050_000_000m, body!["data"]!["participationReport"]!["total"]!.GetValue<decimal>());

    [Theory]
    [InlineData("id", "ParticipationStatement")]
    [InlineData("documentId", "ParticipationStatement")]
    [InlineData("id", "sha256")]
    public async Task A_trusted_document_runs_by_its_name_or_hash(string property, string id)
    {
        var key = id == "sha256" ? Sha256OfFile() : id;
        var (status, body) = await PostRawAsync(WelfareRoles.Analyst, $$"""{"{{property}}":"{{key}}","variables":{{Variables}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        AssertTheStatement(body);
    }

    [Fact]
    public async Task A_trusted_document_runs_over_GET()
    {
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), server.Token(WelfareRoles.Analyst));
        var response = await client.GetAsync("/graphql?id=ParticipationStatement&variables=" + Uri.EscapeDataString(Variables));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTheStatement(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_unknown_id_or_a_text_that_is_not_the_id_is_refused()
    {
        var (status, body) = await PostRawAsync(WelfareRoles.Auditor, """{"id":"NoSuchOperation"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", SecuredServer.FirstCode(body));
        (status, body) = await PostRawAsync(
            WelfareRoles.Auditor,
            """{"id":"ParticipationStatement","query":"{ households { totalCount } }"}"""
        );
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("TRUSTED_DOCUMENT_MISMATCH", SecuredServer.FirstCode(body));
    }

    [Fact]
    public async Task A_trusted_only_role_may_send_no_other_document()
    {
        var (status, body) = await server.PostAsync(server.Token(WelfareRoles.Analyst), "{ contributions(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", SecuredServer.FirstCode(body));

        // The trusted text itself is as good as its id.
        var text = System.IO.File.ReadAllText(File);
        (status, body) = await server.PostAsync(server.Token(WelfareRoles.Analyst), text, JsonNode.Parse(Variables));
        Assert.Equal(HttpStatusCode.OK, status);
        AssertTheStatement(body);

        // Other roles are not restricted.
        var data = await server.DataAsync(server.Token(WelfareRoles.Auditor), "{ contributions(first: 1) { totalCount } }");
        Assert.True(data["contributions"]!["totalCount"]!.GetValue<int>() > 1_000);
    }
}

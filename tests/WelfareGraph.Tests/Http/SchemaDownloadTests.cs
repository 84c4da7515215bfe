using System.Net;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Http;

/// <summary>
/// The SDL where HotChocolate serves it (<c>GET /graphql?sdl</c>, <c>GET /graphql/schema.graphql</c>), equal to the
/// contract file schema/schema.graphql, under introspection's access rule.
/// </summary>
public sealed class SchemaDownloadTests(
    SqliteDemoServer development,
    SecuredDemoServer production,
    AnonymousIntrospectionServer open,
    NoIntrospectionServer closed
)
    : IClassFixture<SqliteDemoServer>,
        IClassFixture<SecuredDemoServer>,
        IClassFixture<AnonymousIntrospectionServer>,
        IClassFixture<NoIntrospectionServer>
{
    private static readonly string Contract = File.ReadAllText(Path.Combine(RepositoryPaths.Schema, "schema.graphql"))
        .ReplaceLineEndings("\n");

    public static TheoryData<string> Urls() => new() { "/graphql?sdl", "/graphql?SDL", "/graphql/schema.graphql", "/graphql/schema" };

    private static async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(
        WelfareGraphFactory factory,
        string url,
        string? token = null,
        string? accept = null
    )
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        if (token is not null)
            TestIdentity.Authorize(client, token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Development_serves_the_contract_SDL_to_anyone(string url)
    {
        var (status, mediaType, body) = await GetAsync(development.Factory, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/graphql", mediaType);
        Assert.Equal(Contract, body);
    }

    [Fact]
    public async Task A_browser_asking_for_the_sdl_gets_it_not_the_IDE()
    {
        var (status, mediaType, body) = await GetAsync(
            development.Factory,
            "/graphql?sdl",
            accept: "text/html,application/xhtml+xml,*/*;q=0.8"
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/graphql", mediaType);
        Assert.Equal(Contract, body);
    }

    [Fact]
    public async Task The_IDE_still_answers_beside_the_schema_file()
    {
        var (status, mediaType, _) = await GetAsync(development.Factory, "/graphql/bcp-config.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
        (status, _, _) = await GetAsync(development.Factory, "/graphql/no-such-file.graphql");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Elsewhere_the_SDL_needs_a_token_with_the_delegated_permission(string url)
    {
        var (status, _, _) = await GetAsync(production.Factory, url);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        (status, _, _) = await GetAsync(
            production.Factory,
            url,
            production.Identity.Token([WelfareRoles.Analyst], ScopeClaim.National, scp: "User.Read")
        );
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (ok, mediaType, body) = await GetAsync(production.Factory, url, production.Token(WelfareRoles.Analyst));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("application/graphql", mediaType);
        Assert.Equal(Contract, body);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Anonymous_introspection_opens_the_SDL_without_a_token(string url)
    {
        var (status, _, body) = await GetAsync(open.Factory, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Contract, body);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Disabled_introspection_hides_the_SDL_even_from_an_admin(string url)
    {
        var (status, _, body) = await GetAsync(closed.Factory, url, closed.Token(WelfareRoles.Admin));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("type Query", body);
    }
}

using System.Net;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

public sealed class AnonymousIntrospectionServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "Anonymous" }, "Production", Identity)
        );
}

public sealed class NoIntrospectionServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "Disabled" }, "Production", Identity)
        );
}

/// <summary><c>GraphQL:Introspection</c> beyond the defaults (open in Development, authenticated elsewhere: see the other tests).</summary>
public sealed class IntrospectionAccessTests(AnonymousIntrospectionServer open, NoIntrospectionServer closed)
    : IClassFixture<AnonymousIntrospectionServer>,
        IClassFixture<NoIntrospectionServer>
{
    private const string Schema = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Anonymous_introspection_opens_the_schema_and_nothing_else()
    {
        var (status, body) = await open.PostAsync(null, Schema);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", body!["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        // Not even mixed into an introspection document.
        (status, _) = await open.PostAsync(null, "{ __schema { queryType { name } } provinces { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Disabled_introspection_is_refused_even_to_an_admin()
    {
        var (status, body) = await closed.PostAsync(closed.Token(WelfareRoles.Admin), Schema);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["data"]);
        Assert.NotNull(SecuredServer.FirstCode(body));
        Assert.Single(
            (await closed.DataAsync(closed.Token(WelfareRoles.Admin), "{ provinces(first: 1) { nodes { code } } }"))["provinces"]![
                "nodes"
            ]!.AsArray()
        );
    }
}

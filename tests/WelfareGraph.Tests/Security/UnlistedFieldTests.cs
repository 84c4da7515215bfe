using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Schema;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>The server with one more root field that nobody put in the access policy.</summary>
public sealed class UnlistedFieldServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(environment: "Production", identity: Identity)
            {
                TestServices = services =>
                    services.AddTransient(sp =>
                    {
                        var query = ActivatorUtilities.CreateInstance<WelfareQuery>(sp);
                        query.Field<StringGraphType>("unlistedProbe").Resolve(_ => "household-level secret");
                        return query;
                    }),
            }
        );
}

/// <summary>Fail closed: a root field added without a line in AccessPolicy is open to nobody, Admin included.</summary>
public sealed class UnlistedFieldTests(UnlistedFieldServer server) : IClassFixture<UnlistedFieldServer>
{
    [Fact]
    public async Task A_root_field_missing_from_the_policy_is_denied_to_every_role()
    {
        foreach (var role in WelfareRoles.All)
        {
            var (_, body) = await server.PostAsync(server.Token(role), "{ __typename unlistedProbe }");
            Assert.Null(body!["data"]!["unlistedProbe"]);
            Assert.Equal(RootFieldAuthorization.NotAuthorized, SecuredServer.FirstCode(body));
            Assert.Contains("not open to any role", body["errors"]![0]!["message"]!.GetValue<string>());
            Assert.DoesNotContain("secret", body.ToJsonString());
        }
    }
}

using System.Net;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

public sealed class ThreePerWindowServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(
                new Dictionary<string, string?> { ["GraphQL:RateLimit:PermitLimit"] = "3", ["GraphQL:RateLimit:Window"] = "00:10:00" },
                "Production",
                Identity
            )
        );
}

/// <summary>Each client has its own allowance; over it, 429 with Retry-After.</summary>
public sealed class RateLimitTests(ThreePerWindowServer server) : IClassFixture<ThreePerWindowServer>
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_others_are_not_affected()
    {
        var busy = server.Token(WelfareRoles.Analyst, subject: "busy-dashboard");
        for (var i = 0; i < 3; i++)
            await server.DataAsync(busy, "{ __typename }");

        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), busy);
        var refused = await client.PostAsync(
            "/graphql",
            new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Contains("RATE_LIMITED", await refused.Content.ReadAsStringAsync());

        await server.DataAsync(server.Token(WelfareRoles.Analyst, subject: "another-client"), "{ __typename }");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Two servers in this process over one real Redis, both allowing 3 requests per caller in a 10-minute window:
/// the allowance is one for both while Redis answers; while it is stopped each server counts alone and nothing
/// fails; once it is back, the count is shared again.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int Permits = 3;
    private readonly RedisServer _redis = new();
    private readonly TestIdentity _identity = new();
    private WelfareGraphFactory _a = null!;
    private WelfareGraphFactory _b = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _a = Server();
        _b = Server();
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_callers_allowance_is_shared_through_Redis_counted_per_server_while_Redis_is_down_and_shared_again_after()
    {
        // Shared: two on A and one on B use it up; the next is refused on either, another caller is not.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(_a, "shared"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(_a, "shared"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(_b, "shared"));
        await AssertRefusedAsync(_a, "shared");
        await AssertRefusedAsync(_b, "shared");
        Assert.Equal(HttpStatusCode.OK, await SendAsync(_b, "someone-else"));

        // Redis stopped: no request fails; each server gives the caller its own allowance.
        await _redis.StopAsync();
        for (var i = 0; i < Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(_a, "during-outage"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(_b, "during-outage"));
        }
        await AssertRefusedAsync(_a, "during-outage");
        await AssertRefusedAsync(_b, "during-outage");

        // Back: once the servers ask Redis again (a new caller each round), two on A and one on B use the allowance up.
        await _redis.StartAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        for (var round = 0; ; round++)
        {
            var caller = "after-outage-" + round;
            Assert.Equal(HttpStatusCode.OK, await SendAsync(_a, caller));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(_a, caller));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(_b, caller));
            if (await SendAsync(_b, caller) == HttpStatusCode.TooManyRequests)
                break;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException("The servers did not share the count again within 60 s of Redis starting.");
            await Task.Delay(100); // a polling interval: the loop ends on the condition
        }
    }

    private WelfareGraphFactory Server()
    {
        var server = new WelfareGraphFactory(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = _redis.ConnectionString,
                ["GraphQL:RateLimit:PermitLimit"] = Permits.ToString(CultureInfo.InvariantCulture),
                ["GraphQL:RateLimit:Window"] = "00:10:00",
            },
            "Production",
            _identity
        );
        server.CreateClient().Dispose(); // starts the host: migrations run
        return server;
    }

    private async Task<HttpStatusCode> SendAsync(WelfareGraphFactory server, string caller)
    {
        using var response = await PostAsync(server, caller);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> PostAsync(WelfareGraphFactory server, string caller)
    {
        var client = TestIdentity.Authorize(
            server.CreateClient(),
            _identity.Token([WelfareRoles.Analyst], ScopeClaim.National, subject: caller)
        );
        return client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
    }

    private async Task AssertRefusedAsync(WelfareGraphFactory server, string caller)
    {
        using var refused = await PostAsync(server, caller);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("RATE_LIMITED", body);
        Assert.Contains($"at most {Permits} per 00:10:00", body);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Caching;

/// <summary>
/// The cache with a real Redis behind it: answers keep coming when Redis stops (from memory and the database),
/// readiness says degraded, and once Redis is back the health and the shared level recover.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private WelfareGraphFactory _server = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _server = new WelfareGraphFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = _redis.ConnectionString, ["Cache:Enabled"] = "true" }
        );
        _server.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Redis_stopping_fails_no_request_and_shows_in_health_until_it_is_back()
    {
        using var counter = new CacheHitCounter();
        var client = new GraphQLClient(_server.CreateClient());
        const string totals = "{ contributionTotals(groupBy: [PROVINCE], unit: RIAL) { total { sum count } } }";
        var expected = (await client.DataAsync(totals)).ToJsonString();
        Assert.Equal(expected, (await client.DataAsync(totals)).ToJsonString());
        Assert.True(counter.Hits >= 1);
        Assert.Equal("Healthy", await HealthAsync());

        await _redis.StopAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(expected, (await client.DataAsync(totals)).ToJsonString());
            // A query the cache has never seen is computed by the database while Redis is away.
            var other = await client.DataAsync(
                $"{{ centerTotals {{ total {{ centers }} }} q{i}: contributionTotals {{ total {{ count }} }} }}"
            );
            Assert.NotNull(other["centerTotals"]);
        }
        await PollAsync(async () => await HealthAsync() == "Degraded");

        await _redis.StartAsync();
        await PollAsync(async () => await HealthAsync() == "Healthy");
        var hitsBefore = counter.Hits;
        Assert.Equal(expected, (await client.DataAsync(totals)).ToJsonString());
        Assert.True(counter.Hits > hitsBefore);
    }

    private async Task<string> HealthAsync()
    {
        using var http = _server.CreateClient();
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException("The condition did not hold within 60 s.");
            await Task.Delay(50); // a polling interval: the loop ends on the condition
        }
    }
}

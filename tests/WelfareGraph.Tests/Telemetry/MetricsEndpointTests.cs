using System.Net;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Telemetry;

/// <summary><c>/metrics</c>: open in Development; elsewhere only to the Welfare.Admin role.</summary>
public sealed class MetricsEndpointTests
{
    private static readonly TestIdentity Identity = new();

    [Fact]
    public async Task Outside_Development_only_an_admin_scrapes_the_metrics()
    {
        using var factory = new WelfareGraphFactory(environment: "Production", identity: Identity);
        var analyst = TestIdentity.Authorize(factory.CreateClient(), Identity.Token([WelfareRoles.Analyst], ScopeClaim.National));
        // One operation first, so the scrape has the server's own series in it.
        using (
            var answered = await analyst.PostAsync(
                "/graphql",
                Json("{ \"query\": \"{ contributionTotals(period: { year: 1403 }) { total { count } } }\" }")
            )
        )
            answered.EnsureSuccessStatusCode();

        using (var anonymous = await factory.CreateClient().GetAsync("/metrics"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var refused = await analyst.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("AUTH_NOT_AUTHORIZED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var admin = TestIdentity.Authorize(factory.CreateClient(), Identity.Token([WelfareRoles.Admin], ScopeClaim.National));
        using var scraped = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("welfaregraph_graphql_operations", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_metrics_are_open()
    {
        using var factory = new WelfareGraphFactory();
        using var scraped = await factory.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}

using WelfareGraph.Security;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// The statement page outside Development: the user signs in with Entra ID (MSAL, authorization code with
/// PKCE, against a stand-in tenant answered inside the browser) and the page calls the API with that token,
/// so the caller's county scope decides what the page shows.
/// </summary>
public sealed class ScopedStatementPageTests(SecuredLoopbackServer server, ITestOutputHelper output) : IClassFixture<SecuredLoopbackServer>
{
    private const string Province = "IR-19";
    private const string County = "IR-19-03";

    [Fact]
    public async Task A_county_scoped_analyst_signs_in_and_sees_only_their_county()
    {
        var token = server.Identity.Token([WelfareRoles.Analyst], County, subject: "county-analyst");
        var tenant = new EntraStandIn(server.Identity, token);
        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        tenant.Install(browser);
        var page = await browser.OpenAsync($"/statements/{Province}?year=1404&fromMonth=1&toMonth=9");
        try
        {
            // The sign-in was MSAL's code flow with PKCE, returning to the page that asked.
            var authorize = Assert.Single(tenant.Authorizations);
            Assert.Contains("code_challenge_method=S256", authorize.Query);
            Assert.Contains("response_type=code", authorize.Query);
            Assert.Contains("grant_type=authorization_code", Assert.Single(tenant.TokenRequests));
            Assert.Contains("code_verifier=", tenant.TokenRequests[0]);
            Assert.StartsWith($"{browser.Origin}/statements/{Province}?year=1404", page.Url);

            var sql = new StatementSql(server.Factory.ConnectionString);
            var counties = sql.Counties(Province);
            string[] scope = [County];

            // Only the county's bar, with the county's own total; the headline figures are the county's.
            var byCounty = sql.Sums("co.code", 1404, 1, 9, Province, scope);
            await StatementPageTests.AssertBarsAsync(page, "by-county", byCounty.ToDictionary(c => counties[c.Key].Fa, c => c.Value));
            Assert.Equal(byCounty[County] / 10, await StatementPageTests.FigureAsync(page, "total"));
            var byType = sql.Sums("c.type", 1404, 1, 9, Province, scope);
            Assert.Equal(3, byType.Count);
            await StatementPageTests.AssertBarsAsync(
                page,
                "by-type",
                new()
                {
                    ["نقدی"] = byType["1"],
                    ["غیرنقدی"] = byType["2"],
                    ["خدمات داوطلبانه"] = byType["3"],
                }
            );
            await StatementPageTests.AssertHouseholdsAsync(page, sql.CoveredHouseholds(Province, "2025-12-21", scope), counties, 2);
            foreach (var (code, names) in counties.Where(c => c.Key != County))
                Assert.DoesNotContain(names.Fa, await page.Locator("section.charts").InnerTextAsync());

            // The page's call is audited as the analyst's, under their scope.
            Assert.Contains(("StatementPage", County, "ok"), sql.Audited("county-analyst"));

            // Beyond the server, only the stand-in tenant was asked; nothing else was even attempted.
            Assert.True(browser.Outside.Count == 0, "The page reached outside the server: " + string.Join(", ", browser.Outside));
            Assert.Contains(browser.Requests, r => r.Contains(EntraStandIn.Host, StringComparison.Ordinal));
        }
        finally
        {
            await StatementPageTests.ScreenshotAsync(page, "statement-county-scope", output);
        }
    }
}

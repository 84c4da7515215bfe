using WelfareGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// The page of a published statement: the text and figures as published, and the figures that differ today
/// because a record arrived late (on a server of its own, as the test writes to the data).
/// </summary>
public sealed class PublishedStatementPageTests(LoopbackServer server, ITestOutputHelper output) : IClassFixture<LoopbackServer>
{
    private const long LateRial = 12_340_000;

    [Fact]
    public async Task A_published_statement_shows_its_figures_as_published_and_the_corrections_since()
    {
        var client = new GraphQLClient(server.CreateHttpClient());
        var published = (
            await client.DataAsync(
                """mutation { publishReport(province: "IR-19", period: { year: 1404, """
                    + """fromMonth: 1, toMonth: 9 }) { id statementFa figures { charities total } } }"""
            )
        )["publishReport"]!;
        var id = published["id"]!.GetValue<string>();
        var charities = published["figures"]!["charities"]!.GetValue<long>();
        await client.DataAsync(
            """
            mutation { upsertContributions(input: { sourceSystem: "late", items: [{ externalId: "late-1", date: "1404-05-02",
              countyCode: "IR-19-07", type: CASH, sector: CHARITY, channel: CHARITY_INSTITUTION, amountRial: 12340000 }] })
              { inserted } }
            """
        );

        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        var page = await browser.OpenAsync($"/statements/IR-19/published/{id}");
        try
        {
            Assert.Equal("گزارش منتشرشده: فروردین تا آذر ۱۴۰۴", await page.Locator("h1.headline").InnerTextAsync());
            // The text as it was stored when published, word for word.
            Assert.Equal(published["statementFa"]!.GetValue<string>(), await page.Locator("p.statement").InnerTextAsync());
            // The figures as published: the published statement's 16 billion toman, not today's.
            Assert.Equal(16_000_000_000, charities / 10);
            Assert.Equal(charities / 10, await StatementPageTests.FigureAsync(page, "charities"));

            // One row per corrected figure: published, current and the difference, in toman.
            var rows = page.Locator("section.corrections tbody tr");
            Assert.Equal(2, await rows.CountAsync());
            var charityRow = await page.Locator("section.corrections tr[data-figure='charities'] td").AllInnerTextsAsync();
            Assert.Equal(charities / 10, StatementText.Number(charityRow[1]));
            Assert.Equal((charities + LateRial) / 10, StatementText.Number(charityRow[2]));
            Assert.Equal(LateRial / 10, StatementText.Number(charityRow[3]));
            Assert.Equal(1, await page.Locator("section.corrections tr[data-figure='total']").CountAsync());

            // The charts are today's data for the report's period.
            Assert.Equal(8, await page.Locator("#by-county g[aria-label='bar'] rect").CountAsync());
            Assert.Equal(18, await page.Locator("#by-month g[aria-label='dot'] circle").CountAsync());
            Assert.True(browser.Outside.Count == 0, "The page reached outside the server: " + string.Join(", ", browser.Outside));
        }
        finally
        {
            await StatementPageTests.ScreenshotAsync(page, "statement-published", output);
        }
    }

    [Fact]
    public async Task An_unknown_published_report_says_so()
    {
        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync($"{browser.Origin}/statements/IR-19/published/999999");
        await page.WaitForFunctionAsync("() => document.body?.dataset.state === 'error'");
        Assert.Equal(999_999, StatementText.Number(await page.Locator("#status").InnerTextAsync()));
    }
}

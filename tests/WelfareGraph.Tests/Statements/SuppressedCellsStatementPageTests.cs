using WelfareGraph.Tests.Analytics;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Statements;

/// <summary>The households chart on data with small cells: a cell under the threshold is written as withheld, never drawn.</summary>
public sealed class SuppressedCellsStatementPageTests(SmallCellsLoopbackServer server, ITestOutputHelper output)
    : IClassFixture<SmallCellsLoopbackServer>
{
    [Fact]
    public async Task Small_household_cells_are_shown_as_suppressed()
    {
        var sql = new StatementSql(server.Factory.ConnectionString);
        var day = SmallCellsServer.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var covered = sql.CoveredHouseholds("IR-20", day);
        // The data set is made for this: some cells under the threshold of 5, some over.
        Assert.Contains(covered.Values, c => c < 5);
        Assert.Contains(covered.Values, c => c >= 5);

        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        var page = await browser.OpenAsync("/statements/IR-20?year=1404&fromMonth=1&toMonth=6");
        try
        {
            await StatementPageTests.AssertHouseholdsAsync(page, covered, sql.Counties("IR-20"), covered.Count);
            // Written as withheld (the word, with the cell named in its title), in the place of its bar.
            var written = await page.Locator("#households g.suppressed text")
                .EvaluateAllAsync<string[]>(
                    "els => els.map(e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join(''))"
                );
            Assert.Equal(covered.Count(c => c.Value < 5), written.Length);
            Assert.All(written, t => Assert.Equal("محرمانه", t));
            Assert.True(browser.Outside.Count == 0, "The page reached outside the server: " + string.Join(", ", browser.Outside));
        }
        finally
        {
            await StatementPageTests.ScreenshotAsync(page, "statement-suppressed-cells", output);
        }
    }
}

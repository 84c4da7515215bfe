using Microsoft.Playwright;
using WelfareGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// The printable statement page in headless Chromium, on the demo data (Development: the local developer
/// identity, national scope). Expected figures come from the published Zanjan statement and from SQL over the
/// server's database, never from the API the page calls.
/// </summary>
public sealed class StatementPageTests(LoopbackServer server, ITestOutputHelper output) : IClassFixture<LoopbackServer>
{
    private const string Province = "IR-19";

    // The published statement (toman): 9 months of 1404, Zanjan.
    private const long Cash = 5_300_000_000;
    private const long InKind = 33_600_000_000;
    private const long Volunteer = 1_150_000_000;
    private const long Charities = 16_000_000_000;
    private const long Covered = 30_606;
    private const long Pensioners = 19_361;

    private static readonly string[] PersianChartTitles =
    [
        "مشارکت‌ها به تفکیک نوع",
        "مشارکت‌ها به تفکیک بخش",
        "روند ماهانه در مقایسه با سال گذشته",
        "مشارکت‌ها به تفکیک شهرستان",
        "خانوارهای تحت پوشش به تفکیک نوع خدمت",
    ];

    private static readonly string[] EnglishChartTitles =
    [
        "Contributions by type",
        "Contributions by sector",
        "Monthly trend against last year",
        "Contributions by county",
        "Covered households by benefit",
    ];

    [Fact]
    public async Task The_Persian_statement_page_shows_the_published_figures_and_charts_of_the_data_offline_and_prints_on_A4()
    {
        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        var page = await browser.OpenAsync($"/statements/{Province}?year=۱۴۰۴&fromMonth=1&toMonth=9");
        try
        {
            Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
            Assert.Equal("fa", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            // The Persian font was served and is the one in use.
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Vazirmatn')"));
            Assert.Contains(browser.Requests, r => r.EndsWith("/statements/assets/lib/vazirmatn.woff2", StringComparison.Ordinal));

            // The headline figures, read as a reader reads them.
            Assert.Equal(Cash, await FigureAsync(page, "cash"));
            Assert.Equal(InKind, await FigureAsync(page, "inKind"));
            Assert.Equal(Volunteer, await FigureAsync(page, "volunteerServices"));
            Assert.Equal(Charities, await FigureAsync(page, "charities"));
            Assert.Equal(Cash + InKind + Volunteer + Charities, await FigureAsync(page, "total"));
            Assert.Equal(Covered, await FigureAsync(page, "covered"));
            Assert.Equal(Pensioners, await FigureAsync(page, "pensioners"));
            Assert.Equal(8, await FigureAsync(page, "coverageRate")); // «۸٪»
            var headline = await page.Locator("h1.headline").InnerTextAsync();
            Assert.Contains("بیش از ۵۶ میلیارد تومان", headline);
            Assert.Contains("پنج میلیارد و ۳۰۰ میلیون تومان کمک نقدی", await page.Locator("p.statement").InnerTextAsync());

            var sql = new StatementSql(server.Factory.ConnectionString);
            var counties = sql.Counties(Province);
            Assert.Equal(8, counties.Count);

            // Contributions by type (all sectors) and by sector: one bar each, with its exact figure.
            var byType = sql.Sums("c.type", 1404, 1, 9, Province);
            await AssertBarsAsync(
                page,
                "by-type",
                new()
                {
                    ["نقدی"] = byType["1"],
                    ["غیرنقدی"] = byType["2"],
                    ["خدمات داوطلبانه"] = byType["3"],
                }
            );
            var bySector = sql.Sums("c.sector", 1404, 1, 9, Province);
            Assert.Equal((Cash + InKind + Volunteer) * 10, bySector["1"]);
            await AssertBarsAsync(page, "by-sector", new() { ["بخش دولتی"] = bySector["1"], ["موسسات خیریه"] = bySector["2"] });

            // Counties side by side: the province's 8.
            var byCounty = sql.Sums("co.code", 1404, 1, 9, Province);
            await AssertBarsAsync(page, "by-county", byCounty.ToDictionary(c => counties[c.Key].Fa, c => c.Value));

            // The monthly trend: 9 months × 2 years, one dot each, and two lines.
            var thisYear = sql.Sums("c.solar_month", 1404, 1, 9, Province);
            var lastYear = sql.Sums("c.solar_month", 1403, 1, 9, Province);
            Assert.Equal(9, thisYear.Count);
            Assert.Equal(9, lastYear.Count);
            var dots = await TitlesAsync(page, "#by-month g[aria-label='dot'] circle");
            Assert.Equal(18, dots.Count);
            Assert.Equal(
                thisYear.Values.Select(Toman).Order(),
                dots.Where(t => t.StartsWith("امسال", StringComparison.Ordinal)).Select(Amount).Order()
            );
            Assert.Equal(
                lastYear.Values.Select(Toman).Order(),
                dots.Where(t => t.StartsWith("سال گذشته", StringComparison.Ordinal)).Select(Amount).Order()
            );
            Assert.Equal(2, await page.Locator("#by-month g[aria-label='line'] path").CountAsync());

            // Covered households by county × benefit on the period's last day: 16 cells, drawn or written as suppressed.
            await AssertHouseholdsAsync(page, sql.CoveredHouseholds(Province, "2025-12-21"), counties, 16);

            // Nothing but the server was asked for anything.
            Assert.True(browser.Outside.Count == 0, "The page reached outside the server: " + string.Join(", ", browser.Outside));
            Assert.Contains(browser.Requests, r => r == $"POST {browser.Origin}/graphql");

            // Printed on A4, the PDF holds the headline and every chart's title.
            var pdf = await PrintAsync(page, "statement-fa", output);
            var text = StatementText.Comparable(pdf);
            Assert.Contains(StatementText.Comparable(headline), text);
            foreach (var title in PersianChartTitles)
                Assert.True(
                    text.Contains(StatementText.Comparable(title), StringComparison.Ordinal),
                    $"The PDF lacks the chart title «{title}»."
                );
        }
        finally
        {
            await ScreenshotAsync(page, "statement-fa", output);
        }
    }

    [Fact]
    public async Task The_English_page_reads_left_to_right_and_prints_its_titles()
    {
        await using var browser = await StatementBrowser.LaunchAsync(server.BaseAddress);
        var page = await browser.OpenAsync($"/statements/{Province}?year=1404&fromMonth=1&toMonth=9&lang=en");
        try
        {
            Assert.Equal("ltr", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
            var headline = await page.Locator("h1.headline").InnerTextAsync();
            Assert.Contains("over 56 billion toman", headline);
            Assert.Equal(Cash, await FigureAsync(page, "cash"));
            Assert.Equal(8, await page.Locator("#by-county g[aria-label='bar'] rect").CountAsync());
            Assert.True(browser.Outside.Count == 0, "The page reached outside the server: " + string.Join(", ", browser.Outside));

            var text = StatementText.Comparable(await PrintAsync(page, "statement-en", output));
            Assert.Contains(StatementText.Comparable(headline), text);
            foreach (var title in EnglishChartTitles)
                Assert.True(
                    text.Contains(StatementText.Comparable(title), StringComparison.Ordinal),
                    $"The PDF lacks the chart title '{title}'."
                );
        }
        finally
        {
            await ScreenshotAsync(page, "statement-en", output);
        }
    }

    [Fact]
    public async Task A_wrong_link_is_a_precise_400_and_a_good_one_the_page_held_to_this_server()
    {
        using var http = server.CreateHttpClient();
        foreach (
            var (query, message) in new[]
            {
                ("", "year must be"),
                ("?year=abc", "year must be"),
                ("?year=1404&fromMonth=13", "fromMonth must be"),
                ("?year=1404&fromMonth=9&toMonth=3", "must not come after"),
                ("?year=1404&lang=de", "lang must be"),
            }
        )
        {
            using var response = await http.GetAsync($"statements/{Province}{query}");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        // A good link is the page, which the browser holds to this server.
        using var page = await http.GetAsync($"statements/{Province}?year=1404");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<base href=\"/statements/\"", await page.Content.ReadAsStringAsync());
        Assert.StartsWith("default-src 'self';", string.Join("", page.Headers.GetValues("Content-Security-Policy")));

        using var unknownPath = await http.GetAsync("statements/assets/..%2f..%2fappsettings.json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownPath.StatusCode);
    }

    internal static long Toman(long rial) => rial / 10;

    internal static long Amount(string title) => StatementText.Number(title[(title.LastIndexOf(':') + 1)..]);

    internal static async Task<long> FigureAsync(IPage page, string figure) =>
        StatementText.Number(await page.Locator($"[data-figure='{figure}'] dd").InnerTextAsync());

    internal static async Task<List<string>> TitlesAsync(IPage page, string selector) =>
        [.. await page.Locator(selector).EvaluateAllAsync<string[]>("els => els.map(e => e.querySelector('title')?.textContent ?? '')")];

    /// <summary>One bar per expected label, each titled with its exact toman figure.</summary>
    internal static async Task AssertBarsAsync(IPage page, string chart, Dictionary<string, long> rialByLabel)
    {
        var titles = await TitlesAsync(page, $"#{chart} g[aria-label='bar'] rect");
        Assert.Equal(rialByLabel.Count, titles.Count);
        var shown = titles.ToDictionary(t => t[..t.LastIndexOf(':')], Amount);
        Assert.Equal(rialByLabel.ToDictionary(e => e.Key, e => Toman(e.Value)).OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
    }

    /// <summary>
    /// Every county × benefit cell is a bar with its count, or a written "suppressed" where the count is under the threshold.
    /// </summary>
    internal static async Task AssertHouseholdsAsync(
        IPage page,
        Dictionary<string, long> covered,
        Dictionary<string, (string Fa, string En)> counties,
        int cells
    )
    {
        var bars = await TitlesAsync(page, "#households g[aria-label='bar'] rect");
        var withheld = await page.Locator("#households g.suppressed text").CountAsync();
        Assert.Equal(cells, bars.Count + withheld);
        Assert.Equal(covered.Count(c => c.Value < 5), withheld);
        var benefits = new Dictionary<string, string> { ["1"] = "مستمری‌بگیر", ["2"] = "سایر خدمات" };
        var expected = covered
            .Where(c => c.Value >= 5)
            .ToDictionary(c => $"{counties[c.Key[..8]].Fa}, {benefits[c.Key[9..]]}", c => c.Value)
            .OrderBy(e => e.Key);
        Assert.Equal(expected, bars.ToDictionary(t => t[..t.LastIndexOf(':')], Amount).OrderBy(e => e.Key));
    }

    /// <summary>Chromium's print to PDF (A4, the page's print stylesheet), and the PDF's text by pdftotext.</summary>
    internal static async Task<string> PrintAsync(IPage page, string name, ITestOutputHelper output)
    {
        var file = Path.Combine(StatementBrowser.ArtifactFolder, name + ".pdf");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.PdfAsync(
            new()
            {
                Path = file,
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = true,
            }
        );
        var pdftotext = await ChildProcess.RunAsync("pdftotext", [file, "-"], StatementBrowser.ArtifactFolder, TimeSpan.FromMinutes(1));
        Assert.True(pdftotext.ExitCode == 0, $"pdftotext exited with {pdftotext.ExitCode}: {pdftotext.Error}");
        output.WriteLine($"Printed {file}");
        return pdftotext.Output;
    }

    internal static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var file = Path.Combine(StatementBrowser.ArtifactFolder, name + ".png");
        try
        {
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            output.WriteLine($"Screenshot {file}");
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"No screenshot: {e.Message}");
        }
    }
}

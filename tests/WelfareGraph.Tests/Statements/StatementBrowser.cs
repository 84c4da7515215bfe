using Microsoft.Playwright;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium) for the statement page, with every request of the page
/// recorded. Requests to the server go through; to the hosts a test stands in for (<see cref="StandIns"/>) the
/// test answers; anything else is aborted and recorded in <see cref="Outside"/>, so a test can assert that the
/// page needs nothing beyond the server.
/// </summary>
public sealed class StatementBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    // Generous: CI machines are shared and slow; every wait ends as soon as its condition holds.
    public const float Wait = 60_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _requests = [];
    private readonly List<string> _outside = [];

    private StatementBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, string origin)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Origin = origin;
    }

    public IBrowserContext Context { get; }
    public string Origin { get; }

    /// <summary>Hosts whose requests the test answers itself (a stand-in Entra ID tenant); none leaves the machine.</summary>
    public Dictionary<string, Func<IRoute, Task>> StandIns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    /// <summary>Requests to any host that is neither the server nor a stand-in: aborted, never sent.</summary>
    public IReadOnlyList<string> Outside
    {
        get
        {
            lock (_outside)
                return [.. _outside];
        }
    }

    public static async Task<StatementBrowser> LaunchAsync(Uri server)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );
        var context = await browser.NewContextAsync(
            new()
            {
                ViewportSize = new() { Width = 1000, Height = 1400 },
            }
        );
        context.SetDefaultTimeout(Wait);
        var origin = server.GetLeftPart(UriPartial.Authority);
        var instance = new StatementBrowser(playwright, browser, context, origin);
        await context.RouteAsync("**/*", instance.RouteAsync);
        return instance;
    }

    private async Task RouteAsync(IRoute route)
    {
        var url = route.Request.Url;
        lock (_requests)
            _requests.Add($"{route.Request.Method} {url}");
        if (url.StartsWith(Origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && StandIns.TryGetValue(uri.Host, out var answer))
        {
            await answer(route);
            return;
        }
        lock (_outside)
            _outside.Add(url);
        await route.AbortAsync("blockedbyclient");
    }

    /// <summary>Opens the page and waits until it says it is ready (or failed, which fails the test with its message).</summary>
    public async Task<IPage> OpenAsync(string pathAndQuery)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(Origin + pathAndQuery);
        await page.WaitForFunctionAsync("() => ['ready', 'error'].includes(document.body?.dataset.state)", null, new() { Timeout = Wait });
        var state = await page.EvaluateAsync<string>("() => document.body.dataset.state");
        if (state != "ready")
            Assert.Fail($"The statement page failed: {await page.Locator("#status").InnerTextAsync()}");
        return page;
    }

    /// <summary>Where screenshots and PDFs are written: <c>statements/</c> in the test output folder.</summary>
    public static string ArtifactFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "statements");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WelfareGraph.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WelfareGraph.Tests.Http;

public sealed class BananaCakePopTests(LoopbackServer server, ITestOutputHelper output) : IClassFixture<LoopbackServer>
{
    private const string Chromium = "/usr/bin/chromium";

    // Generous: CI machines are shared and slow; every wait below ends as soon as its condition holds.
    private const float Wait = 30_000;

    // What an analyst types: the published participation report for Zanjan, 1404 months 1–9.
    private const string ParticipationQuery =
        """{ participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, """
        + """toMonth: 9 }) { total government { cash } households { covered } } }""";

    [Fact]
    public async Task Ide_assets_config_and_license_are_served_without_outside_links()
    {
        using var http = server.CreateHttpClient();

        using var redirect = await GetAsync(http, "graphql", "text/html");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(
            "/graphql/",
            redirect.Headers.Location!.IsAbsoluteUri ? redirect.Headers.Location.AbsolutePath : redirect.Headers.Location.OriginalString
        );

        using var index = await GetAsync(http, "graphql/", "text/html");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType!.MediaType);
        var html = await index.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\">", html);
        // Fully offline: nothing in the page is loaded from another host.
        Assert.DoesNotMatch(new Regex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase), html);

        // Every file the app can ask for (its build manifest lists them all, lazy chunks included) is served.
        using var manifest = JsonDocument.Parse(await http.GetStringAsync("graphql/asset-manifest.json"));
        var files = manifest.RootElement.GetProperty("files").EnumerateObject().Select(f => f.Value.GetString()!).ToList();
        Assert.Contains(files, f => f.EndsWith(".js", StringComparison.Ordinal));
        foreach (var file in files.Append("service-worker.js").Append("manifest.webmanifest"))
        {
            using var asset = await http.GetAsync("graphql/" + file.TrimStart('.', '/'));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"graphql/{file}: {(int)asset.StatusCode}");
        }
        foreach (
            var path in new[]
            {
                "graphql/static/js/no-such-chunk.js",
                "graphql/no-such-page",
                "graphql/..%2fappsettings.json",
                "graphql/%2e%2e/appsettings.json",
            }
        )
        {
            using var missing = await http.GetAsync(path);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)missing.StatusCode}");
        }

        using (var config = await http.GetAsync("graphql/bcp-config.json"))
        {
            Assert.Equal("application/json", config.Content.Headers.ContentType!.MediaType);
            using var json = JsonDocument.Parse(await config.Content.ReadAsStringAsync());
            Assert.Equal("/graphql", json.RootElement.GetProperty("endpoint").GetString());
            Assert.True(json.RootElement.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
            Assert.True(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
            Assert.Equal("WelfareGraph", json.RootElement.GetProperty("title").GetString());
        }

        var expectedLicense = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ide", "LICENSE"));
        Assert.Contains("ChilliCream License", expectedLicense);
        foreach (var path in new[] { "graphql/LICENSE", "graphql/LICENSE.txt" })
        {
            using var license = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, license.StatusCode);
            Assert.Equal("text/plain", license.Content.Headers.ContentType!.MediaType);
            Assert.Equal(expectedLicense, await license.Content.ReadAsStringAsync());
        }

        // The IDE's routes leave GraphQL alone: GET with a query (with or without the slash) is still GraphQL.
        foreach (var path in new[] { "graphql?query=%7B__typename%7D", "graphql/?query=%7B__typename%7D" })
        {
            using var graphql = await GetAsync(http, path, "application/json");
            Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
            Assert.Contains("\"__typename\":\"Query\"", await graphql.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_analyst_runs_the_participation_report_in_the_IDE()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium).");
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var endpoint = origin + "/graphql";
        bool IsLocal(string url) =>
            url.StartsWith(origin + "/", StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal)
            || url.StartsWith("blob:", StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
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
        await using var context = await browser.NewContextAsync(
            new()
            {
                ViewportSize = new() { Width = 1400, Height = 900 },
            }
        );
        context.SetDefaultTimeout(Wait);

        // Every request of the page, its workers and its service worker, to prove the IDE needs no other host.
        var requests = new List<string>();
        context.Request += (_, request) =>
        {
            lock (requests)
                requests.Add(request.Url);
        };
        var consoleErrors = new List<string>();

        // The IDE's own clock runs in real time but can be moved forward, to fire its timers (telemetry) at will.
        await context.Clock.InstallAsync();
        // Runs first in every document: was this document loaded through the IDE's service worker?
        await context.AddInitScriptAsync(
            "window.__loadedUnderServiceWorker = !!(navigator.serviceWorker && navigator.serviceWorker.controller);"
        );
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (consoleErrors)
                    consoleErrors.Add(message.Text);
        };
        page.WebSocket += (_, socket) =>
        {
            lock (requests)
                requests.Add(socket.Url);
        };
        try
        {
            // The analyst opens /graphql: the server redirects the browser to the IDE.
            var response = await page.GotoAsync(endpoint);
            Assert.Equal(endpoint + "/", page.Url);
            Assert.Equal(200, response!.Status);

            // On a first visit the IDE installs its service worker, which takes over the page; the app then reloads
            // itself. Wait for the page that was loaded through the service worker, so nothing reloads under the test.
            await page.WaitForFunctionAsync("() => window.__loadedUnderServiceWorker === true");

            await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
            // Opening a document introspects the server: the status bar says when the schema is in.
            await Expect(page.GetByText("Schema available")).ToBeVisibleAsync(new() { Timeout = Wait });

            var editor = page.Locator(".monaco-editor[data-uri^='file:///operations/']");
            await editor.ClickAsync();
            await page.Keyboard.PressAsync("ControlOrMeta+A");
            // One input event, as a paste: typing key by key would make the editor auto-close every brace.
            await page.Keyboard.InsertTextAsync(ParticipationQuery);
            // The IDE parses the editor's text after a short debounce; its operation builder shows the query then.
            await Expect(page.GetByRole(AriaRole.Treeitem, new() { Name = "Query" })).ToBeVisibleAsync(new() { Timeout = Wait });

            var sent = page.WaitForRequestAsync(r =>
                r.Method == "POST" && r.Url == endpoint && (r.PostData ?? "").Contains("participationReport")
            );
            var answered = page.WaitForResponseAsync(r =>
                r.Request.Method == "POST" && r.Url == endpoint && (r.Request.PostData ?? "").Contains("participationReport")
            );
            await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();

            var request = await sent;
            using (var body = JsonDocument.Parse(request.PostData!))
                Assert.Equal(ParticipationQuery, body.RootElement.GetProperty("query").GetString());
            Assert.StartsWith("application/json", request.Headers["content-type"]);
            var answer = await answered;
            Assert.Equal(200, answer.Status);
            Assert.Contains("\"total\":56050000000", await answer.TextAsync());

            // The response panel (the IDE's read-only JSON editor) shows the figures.
            var responsePanel = page.Locator(".monaco-editor:not([data-uri^='file:'])");
            await Expect(responsePanel).ToContainTextAsync("56050000000", new() { Timeout = Wait });
            await Expect(responsePanel).ToContainTextAsync("30606");
            await Expect(responsePanel).ToContainTextAsync("5300000000");

            // Timers the IDE sets for later (telemetry reports about ten seconds after start unless bcp-config.json
            // disables it) must not reach out either: jump an hour ahead and watch for any request to another host.
            var outsideAfterTimers = page.WaitForRequestAsync(r => !IsLocal(r.Url), new() { Timeout = 2_000 });
            await page.Clock.FastForwardAsync("01:00:00");
            IRequest? reachedOut = null;
            try
            {
                reachedOut = await outsideAfterTimers;
            }
            catch (TimeoutException) { }
            Assert.True(
                reachedOut is null,
                $"After an hour on its clock the IDE sent a request to another host: {reachedOut?.Method} {reachedOut?.Url}"
            );

            // The license ships beside the IDE and can be read in the same browser. (The service worker answers
            // navigations to names without a dot with the app itself, hence LICENSE.txt for the browser.)
            var license = await page.APIRequest.GetAsync(endpoint + "/LICENSE");
            Assert.Equal(200, license.Status);
            Assert.Contains("ChilliCream License", await license.TextAsync());
            await page.GotoAsync(endpoint + "/LICENSE.txt");
            await Expect(page.Locator("body")).ToContainTextAsync("ChilliCream License", new() { Timeout = Wait });

            string[] outside;
            lock (requests)
                outside = requests.Where(url => !IsLocal(url)).Distinct().ToArray();
            Assert.True(outside.Length == 0, "The IDE reached outside the server: " + string.Join(", ", outside));
            lock (requests)
                output.WriteLine($"{requests.Count} requests, all to {origin}.");
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "playwright");
            Directory.CreateDirectory(folder);
            var stem = Path.Combine(
                folder,
                $"{nameof(An_analyst_runs_the_participation_report_in_the_IDE)}-{DateTime.UtcNow:yyyyMMddTHHmmss}"
            );
            try
            {
                await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
            }
            catch (PlaywrightException) { }
            try
            {
                await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            }
            catch (PlaywrightException) { }
            output.WriteLine($"Failure screenshot and page: {stem}.png, {stem}.html");
            lock (requests)
                output.WriteLine("Requests:\n  " + string.Join("\n  ", requests));
            lock (consoleErrors)
                output.WriteLine("Console errors:\n  " + string.Join("\n  ", consoleErrors));
            throw;
        }
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return http.SendAsync(request);
    }
}

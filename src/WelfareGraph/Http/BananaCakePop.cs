using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace WelfareGraph.Http;

/// <summary>
/// Serves the Banana Cake Pop GraphQL IDE (npm <c>@chillicream/bananacakepop-graphql-ide</c>, a static
/// single-page app) at <c>{path}/</c>, fully offline, with its LICENSE at <c>{path}/LICENSE</c> (and
/// <c>{path}/LICENSE.txt</c>).
/// The files come from the build output's <c>ide/</c> folder (BananaCakePop.targets copies them there) or,
/// failing that, from the npm folder in the source tree.
/// </summary>
public static class BananaCakePop
{
    public const string OutputFolder = "ide";
    private const string PackageFolder = "Http/Ide/node_modules/@chillicream/bananacakepop-graphql-ide";

    /// <remarks>
    /// Takes the application, not only its endpoints: routing ignores a trailing slash, so <c>GET {path}/</c>
    /// also matches the GraphQL endpoint's <c>GET {path}</c> (a literal beats this catch-all), which redirects
    /// browsers to <c>{path}/</c> — a loop. A middleware hands that one URL to the IDE before the endpoint runs.
    /// </remarks>
    public static WebApplication MapBananaCakePop(this WebApplication app, string path)
    {
        path = "/" + path.Trim('/');
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BananaCakePop));
        var folder = FindFiles(app.Environment.ContentRootPath);
        if (folder is null)
            logger.LogWarning(
                "The Banana Cake Pop IDE files were not found (looked in {Output} and for {Package}); "
                    + "{Path}/ answers 404. Build the project: it runs npm ci in src/WelfareGraph/Http/Ide.",
                Path.Combine(AppContext.BaseDirectory, OutputFolder),
                PackageFolder,
                path
            );
        var ide = new Ide(folder is null ? null : new PhysicalFileProvider(folder), path);

        var root = new PathString(path + "/");
        app.Use(
            (http, next) =>
                http.Request.Path == root
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && !http.Request.Query.ContainsKey("query") // GET {path}/?query=... stays a GraphQL request
                    ? ide.Serve(http, null).ExecuteAsync(http)
                    : next(http)
        );

        // The IDE's files carry no data (the GraphQL endpoint it calls enforces authorization), so a fallback
        // authorization policy must not hide the IDE itself.
        var group = app.MapGroup(path).ExcludeFromDescription().AllowAnonymous();

        // What the IDE reads at start (its code fetches bcp-config.json beside index.html). The endpoint is
        // resolved against the page's URL, so it stays right behind a reverse proxy with a path base.
        group.MapGet(
            "/bcp-config.json",
            (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return Results.Json(
                    new BananaCakePopConfig(
                        Endpoint: http.Request.PathBase + path,
                        UseBrowserUrlAsEndpoint: true,
                        Title: "WelfareGraph",
                        UseGet: false,
                        IncludeCookies: false,
                        // The IDE otherwise reports to ChilliCream's telemetry service: nothing leaves this server.
                        DisableTelemetry: true
                    ),
                    ConfigJson
                );
            }
        );
        group.MapGet("/{**file}", (HttpContext http, string? file) => ide.Serve(http, file));
        return app;
    }

    private sealed class Ide(IFileProvider? files, string path)
    {
        public IResult Serve(HttpContext http, string? file)
        {
            if (files is null)
                return Results.Text(
                    $"The GraphQL IDE is not installed on this server. POST GraphQL requests to {http.Request.PathBase}{path}.",
                    "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status404NotFound
                );

            var name = string.IsNullOrEmpty(file) ? "index.html" : file;
            // The IDE's service worker answers every browser navigation to a name without a dot with its cached
            // index.html, so a browser that has opened the IDE never sees {path}/LICENSE: give it LICENSE.txt too.
            if (name == "LICENSE.txt")
                name = "LICENSE";
            // No fallback to index.html for unknown names: the app has no client-side routes, and its relative
            // asset paths would break one folder down anyway.
            if (BundledFiles.Find(files, name) is not { } info)
                return Results.NotFound();

            // Hashed bundles never change under their name; everything else is revalidated (ETag / Last-Modified).
            http.Response.Headers.CacheControl = name.StartsWith("static/", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return BundledFiles.Serve(info, name);
        }
    }

    /// <summary>The build output's ide/ folder, else the npm package in the source tree (for runs from source).</summary>
    internal static string? FindFiles(string contentRoot)
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, OutputFolder) };
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, PackageFolder));
                candidates.Add(Path.Combine(dir.FullName, "src", "WelfareGraph", PackageFolder));
            }
        return candidates.Select(Path.GetFullPath).FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    private sealed record BananaCakePopConfig(
        string Endpoint,
        bool UseBrowserUrlAsEndpoint,
        string Title,
        bool UseGet,
        bool IncludeCookies,
        bool DisableTelemetry
    );
}

using System.Text.Encodings.Web;
using Microsoft.Extensions.FileProviders;

namespace WelfareGraph.Http;

/// <summary>
/// The printable statement page: <c>GET /statements/{province}?year=&amp;fromMonth=&amp;toMonth=&amp;lang=</c> and
/// <c>GET /statements/{province}/published/{id}</c>. The page is static: its script asks the server's own
/// <c>/graphql</c> for the figures through trusted documents (<c>StatementPage</c>, <c>PublishedStatement</c>), so
/// the caller's roles, scope, suppression and audit apply as to any client. Its libraries (Observable Plot and
/// d3 for the SVG charts, MSAL for Entra ID sign-in, the Vazirmatn font) come from npm at build time
/// (StatementPage.targets) and are served from the build output's <c>statements/</c> folder: nothing is loaded
/// from another host.
/// </summary>
public static class StatementPage
{
    public const string Path = "/statements";
    public const string OutputFolder = "statements";

    public static WebApplication MapStatementPage(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, OutputFolder, "assets");
        IFileProvider? files = File.Exists(System.IO.Path.Combine(folder, "index.html")) ? new PhysicalFileProvider(folder) : null;
        if (files is null)
            app.Services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(StatementPage))
                .LogWarning("The statement page's files were not found in {Folder}; {Path}/ answers 404. Build the project.", folder, Path);

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var options = app.Services.GetRequiredService<StatementPageOptions>();
        StatementSignIn SignIn(HttpContext http) => StatementSignIn.For(configuration, options, http.Request);
        IResult Serve(HttpContext http, string name) => ServeFile(files, http, name, SignIn);

        // The files carry no data; the GraphQL requests the page makes are authorized like any other.
        var group = app.MapGroup(Path).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/", (HttpContext http) => Serve(http, "index.html"));
        group.MapGet(
            "/{province:regex(^[A-Za-z]{{2}}-[0-9]{{2}}$)}",
            (HttpContext http) => StatementQuery.Problem(http.Request.Query) is { } problem ? problem : Serve(http, "index.html")
        );
        group.MapGet(
            "/{province:regex(^[A-Za-z]{{2}}-[0-9]{{2}}$)}/published/{id:int:min(1)}",
            (HttpContext http) => StatementQuery.LanguageProblem(http.Request.Query) is { } problem ? problem : Serve(http, "index.html")
        );
        group.MapGet(
            "/config.json",
            (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return Results.Json(SignIn(http));
            }
        );
        group.MapGet("/assets/{**file}", (HttpContext http, string file) => Serve(http, file));
        return app;
    }

    private static IResult ServeFile(IFileProvider? files, HttpContext http, string name, Func<HttpContext, StatementSignIn> signIn)
    {
        if (files is null)
            return Results.Text("The statement page is not installed on this server.", "text/plain; charset=utf-8", statusCode: 404);
        if (BundledFiles.Find(files, name) is not { } info)
            return Results.NotFound();
        http.Response.Headers.CacheControl = "no-cache";
        return name == "index.html" ? Page(info.PhysicalPath!, http, signIn(http)) : BundledFiles.Serve(info, name);
    }

    /// <summary>
    /// The page with its base address (so it works at any path base and depth) and its language and direction
    /// filled in, so the page is right-to-left from its first paint in Persian.
    /// </summary>
    private static IResult Page(string file, HttpContext http, StatementSignIn signIn)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(signIn);
        var english = http.Request.Query["lang"] == "en";
        var html = File.ReadAllText(file)
            .Replace("{{base}}", HtmlEncoder.Default.Encode($"{http.Request.PathBase}{Path}/"), StringComparison.Ordinal)
            .Replace("{{lang}}", english ? "en" : "fa", StringComparison.Ordinal)
            .Replace("{{dir}}", english ? "ltr" : "rtl", StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The browser itself holds the page to this server (and to the Entra ID authority, which MSAL calls for
    /// tokens). Plot writes its styles inline, hence <c>'unsafe-inline'</c> for styles only; no inline script runs.
    /// </summary>
    private static string ContentSecurityPolicy(StatementSignIn signIn)
    {
        var authority =
            signIn.Authority is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri)
                ? " " + uri.GetLeftPart(UriPartial.Authority)
                : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
            + $"connect-src 'self'{authority}; frame-src 'self'{authority}; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
    }
}

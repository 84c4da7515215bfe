namespace WelfareGraph.Data;

/// <summary>
/// The server's composition for a command-line run (<c>import</c>, <c>rollups</c>): settings from the
/// <c>--Section:Key=value</c> arguments on top of the usual sources, the command's own output instead of the server's
/// information logs, and the database migrated (and, when empty and embedded, given the demo data) as the server
/// would do on start.
/// </summary>
public static class CommandHost
{
    public static async Task<WebApplication> StartAsync(string[] args, Action<WebApplicationBuilder> compose)
    {
        var builder = WebApplication.CreateBuilder(
            args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray()
        );
        compose(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var app = builder.Build();
        foreach (var service in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            await service.StartAsync(CancellationToken.None);
        return app;
    }
}

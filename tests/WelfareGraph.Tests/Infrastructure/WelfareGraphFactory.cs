using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// The real server composition (Program + AddWelfareGraph) with the repository's appsettings.json,
/// on a database of its own. By default: a fresh SQLite file with the demo data, and (Development, no
/// AzureAd) every in-process request coming from loopback, so it runs as the local developer.
/// With a <see cref="TestIdentity"/>: Entra ID authentication, offline, with tokens that identity signs.
/// </summary>
public class WelfareGraphFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;

    public WelfareGraphFactory(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        TestIdentity? identity = null
    )
    {
        Environment = environment;
        Identity = identity;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (identity is not null)
            foreach (var (key, value) in identity.AzureAdSettings)
                _settings.TryAdd(key, value);
        if (
            !_settings.ContainsKey("ConnectionStrings:WelfareGraph")
            && (!_settings.TryGetValue("Database:Provider", out var provider) || provider == "Sqlite")
        )
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"welfaregraph-test-{Guid.NewGuid():N}.db");
            _settings["ConnectionStrings:WelfareGraph"] = $"Data Source={_sqliteFile};Pooling=false";
        }
    }

    public string Environment { get; }

    public TestIdentity? Identity { get; }

    /// <summary>The server's own database, for tests that check its answers with hand-written SQL.</summary>
    public string ConnectionString => Services.GetRequiredService<IConfiguration>().GetConnectionString("WelfareGraph")!;

    /// <summary>
    /// The remote address of in-process requests, which TestServer leaves empty (a real server always has
    /// one, so nothing over a network can reach this): loopback, as for a browser on the same machine.
    /// </summary>
    public IPAddress RemoteAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Services a test adds or replaces (SQL counters, log capture...).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The test project's folder is not the server's: use the repository root, where appsettings.json is.
        builder.UseContentRoot(RepositoryPaths.Root);
        builder.UseEnvironment(Environment);
        // UseSetting, not ConfigureAppConfiguration: the composition reads Database:* while the builder runs,
        // before configuration callbacks of the test host would apply.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(RemoteAddress));
            Identity?.Install(services);
            TestServices?.Invoke(services);
        });
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (context, following) =>
                    {
                        context.Connection.RemoteIpAddress ??= address;
                        return following(context);
                    }
                );
                next(app);
            };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _sqliteFile is not null)
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// The real server composition (Program + AddWelfareGraph) with the repository's appsettings.json,
/// on a database of its own. By default: a fresh SQLite file with the demo data.
/// </summary>
public class WelfareGraphFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;

    public WelfareGraphFactory(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        Environment = environment;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (!_settings.ContainsKey("ConnectionStrings:WelfareGraph") &&
            (!_settings.TryGetValue("Database:Provider", out var provider) || provider == "Sqlite"))
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"welfaregraph-test-{Guid.NewGuid():N}.db");
            _settings["ConnectionStrings:WelfareGraph"] = $"Data Source={_sqliteFile};Pooling=false";
        }
    }

    public string Environment { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The test project's folder is not the server's: use the repository root, where appsettings.json is.
        builder.UseContentRoot(RepositoryPaths.Root);
        builder.UseEnvironment(Environment);
        // UseSetting, not ConfigureAppConfiguration: the composition reads Database:* while the builder runs,
        // before configuration callbacks of the test host would apply.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _sqliteFile is not null)
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
    }
}

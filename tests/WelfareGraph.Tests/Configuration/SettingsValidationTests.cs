using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Configuration;

/// <summary>A value out of range stops the real composition at start, with a message naming the key and the value.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("GraphQL:MaxDepth", "0", "GraphQL:MaxDepth must be between 1 and 100; it is 0.")]
    [InlineData(
        "GraphQL:RateLimit:Window",
        "00:00:00",
        "GraphQL:RateLimit:Window must be between 00:00:00.001 and 24.20:31:23.647; it is 00:00:00."
    )]
    [InlineData("GraphQL:MaxConcurrentPerCaller", "0", "GraphQL:MaxConcurrentPerCaller must be between 1 and 2147483647; it is 0.")]
    [InlineData("GraphQL:MaxPageSize", "0", "GraphQL:MaxPageSize must be between 1 and 2147483647; it is 0.")]
    [InlineData("GraphQL:MaxSortFields", "-1", "GraphQL:MaxSortFields must be between 1 and 2147483647; it is -1.")]
    [InlineData("Analytics:SuppressionThreshold", "0", "Analytics:SuppressionThreshold must be between 1 and 2147483647; it is 0.")]
    [InlineData("Ingestion:MaxBatchSize", "0", "Ingestion:MaxBatchSize must be between 1 and 2147483647; it is 0.")]
    [InlineData("Exports:XlsxRowsPerSheet", "1048576", "Exports:XlsxRowsPerSheet must be between 1 and 1048575; it is 1048576.")]
    [InlineData("Database:SqlServerCompatibilityLevel", "15", "Database:SqlServerCompatibilityLevel must be between 80 and 200; it is 15.")]
    [InlineData("Database:SqliteFile", "", "Database:SqliteFile must be set; it is ''.")]
    public async Task A_wrong_value_stops_the_server_at_start_naming_the_key(string key, string value, string message)
    {
        var refused = await StartRefusedAsync(key, value);
        var invalid = Chain(refused).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(invalid is not null, "Not refused by validation: " + refused);
        Assert.Equal(new[] { message }, invalid.Failures);
        Assert.Contains(message, invalid.Message);
    }

    /// <summary>
    /// The real composition built and started in the test's own host, as Program does. Not through
    /// WebApplicationFactory: when the application fails to start, its deferred host can reach the disposed host
    /// before the failure does, and then reports an ObjectDisposedException instead.
    /// </summary>
    private static async Task<Exception> StartRefusedAsync(string key, string value)
    {
        var database = Path.Combine(Path.GetTempPath(), $"welfaregraph-settings-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions
            {
                ContentRootPath = RepositoryPaths.Root,
                EnvironmentName = "Development",
                Args = ["--urls", "http://127.0.0.1:0"],
            }
        );
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                [key] = value,
                ["Database:SeedDemoData"] = "false",
                ["ConnectionStrings:WelfareGraph"] = $"Data Source={database};Pooling=false",
            }
        );
        try
        {
            return await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                builder.AddWelfareGraph();
                await using var app = builder.Build();
                app.MapWelfareGraph();
                await app.StartAsync();
            });
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Fact]
    public async Task The_real_server_with_a_wrong_value_exits_with_the_message_and_no_stack_trace()
    {
        var database = Path.Combine(Path.GetTempPath(), $"welfaregraph-invalid-{Guid.NewGuid():N}.db");
        var process = await ChildProcess.RunAsync(
            "dotnet",
            [RepositoryPaths.ServerAssembly, "--urls", "http://127.0.0.1:0"],
            RepositoryPaths.Root,
            TimeSpan.FromSeconds(90),
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__WelfareGraph"] = $"Data Source={database}",
                ["Database__SeedDemoData"] = "false",
                ["GraphQL__MaxDepth"] = "0",
            }
        );
        File.Delete(database);
        Assert.Equal(78, process.ExitCode);
        Assert.Contains("GraphQL:MaxDepth must be between 1 and 100; it is 0.", process.Error);
        Assert.DoesNotContain("   at ", process.Output + process.Error);
    }

    [Fact]
    public void Each_settings_class_is_injected_as_its_validated_options()
    {
        using var factory = new WelfareGraphFactory(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
        using var client = factory.CreateClient();
        var types = typeof(WelfareGraphExtensions)
            .Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(WelfareGraph.Configuration.SettingsSectionAttribute), false).Length > 0)
            .ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            var options = factory.Services.GetService(typeof(IOptions<>).MakeGenericType(type))!;
            Assert.Same(
                options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options),
                factory.Services.GetService(type)
            );
        }
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }
}

using System.Diagnostics;
using System.Net;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Who may call when nothing is configured: outside Development the server refuses to start; in
/// Development only this machine gets the local developer identity.
/// </summary>
public sealed class StartupTests
{
    private const string Refusal = "will not start in the 'Production' environment without authentication";

    [Fact]
    public async Task The_real_server_outside_Development_without_AzureAd_exits_with_a_clear_message()
    {
        // The server's own build output, next to the tests' (same configuration).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var server = Path.Combine(RepositoryPaths.Root, "src", "WelfareGraph", "bin", configuration, "net10.0", "WelfareGraph.dll");
        Assert.True(File.Exists(server), server + " is missing");
        var database = Path.Combine(Path.GetTempPath(), $"welfaregraph-refused-{Guid.NewGuid():N}.db");

        var start = new ProcessStartInfo("dotnet", [server, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__WelfareGraph"] = $"Data Source={database}";
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AzureAd", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The server kept running without authentication configured.\n" + await output);
        }
        var text = await output + await errors;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(Refusal, text);
        Assert.Contains("'AzureAd' section", text);
        Assert.DoesNotContain("   at ", text); // a message, not a stack trace
        Assert.False(File.Exists(database), "It touched the database before refusing.");
    }

    [Fact]
    public void The_composition_refuses_in_process_too()
    {
        // The composition itself (Program catches this and prints only the message).
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions
            {
                EnvironmentName = "Production",
                ContentRootPath = RepositoryPaths.Root,
            }
        );
        var error = Assert.Throws<WelfareGraph.Security.StartupRefusedException>(() => builder.AddWelfareGraph());
        Assert.Contains(Refusal, error.Message);
    }

    [Fact]
    public async Task In_Development_a_request_from_another_machine_gets_no_identity()
    {
        using var factory = new WelfareGraphFactory { RemoteAddress = IPAddress.Parse("203.0.113.9") };
        using var client = factory.CreateClient();
        var data = await client.PostAsync("/graphql", Json("""{"query":"{ provinces { totalCount } }"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        // The schema is open in Development, to anyone.
        var schema = await client.PostAsync("/graphql", Json("""{"query":"{ __schema { queryType { name } } }"}"""));
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Contains("\"Query\"", await schema.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_Development_IPv6_loopback_is_the_local_developer()
    {
        using var factory = new WelfareGraphFactory { RemoteAddress = IPAddress.IPv6Loopback };
        var client = new GraphQLClient(factory.CreateClient());
        var data = await client.DataAsync("{ households(first: 1) { totalCount } auditLog(first: 1) { totalCount } }");
        Assert.True(data["households"]!["totalCount"]!.GetValue<int>() > 30_000);
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");
}

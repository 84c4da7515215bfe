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
        var server = RepositoryPaths.ServerAssembly;
        Assert.True(File.Exists(server), server + " is missing");
        var database = Path.Combine(Path.GetTempPath(), $"welfaregraph-refused-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__WelfareGraph"] = $"Data Source={database}",
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("AzureAd", StringComparison.OrdinalIgnoreCase))
                environment[name] = null;
        }

        // A server that keeps running without authentication is killed at the limit, failing the test with its output.
        var process = await ChildProcess.RunAsync(
            "dotnet",
            [server, "--urls", "http://127.0.0.1:0"],
            RepositoryPaths.Root,
            TimeSpan.FromSeconds(90),
            environment
        );
        var text = process.Output + process.Error;
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

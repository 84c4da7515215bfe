using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>A server with Entra ID authentication (a <see cref="TestIdentity"/>), and requests that carry its tokens.</summary>
public abstract class SecuredServer : IAsyncLifetime
{
    public TestIdentity Identity { get; } = new();
    public WelfareGraphFactory Factory { get; private set; } = null!;

    protected abstract Task<WelfareGraphFactory> CreateAsync();

    public virtual async Task InitializeAsync()
    {
        Factory = await CreateAsync();
        Factory.CreateClient().Dispose(); // starts the host: migrations run
    }

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public string Token(string role, object? scope = null, string? subject = null) =>
        Identity.Token([role], scope ?? ScopeClaim.National, subject: subject ?? role);

    /// <summary>Posts a query with a bearer token (or none), returning the status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string? token, string query, object? variables = null)
    {
        var (status, body, _) = await SendAsync(token, query, variables);
        return (status, body);
    }

    /// <summary>A query that must succeed.</summary>
    public async Task<JsonNode> DataAsync(string token, string query, object? variables = null)
    {
        var (status, body, challenge) = await SendAsync(token, query, variables);
        if (status != HttpStatusCode.OK || body?["errors"] is JsonArray { Count: > 0 })
            throw new Xunit.Sdk.XunitException($"{(int)status} {challenge}: {body?.ToJsonString()}");
        return body!["data"]!;
    }

    /// <summary>Also the <c>WWW-Authenticate</c> challenge, which says why a token was refused.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body, string Challenge)> SendAsync(
        string? token,
        string query,
        object? variables = null
    )
    {
        using var client = Factory.CreateClient();
        if (token is not null)
            TestIdentity.Authorize(client, token);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), string.Join("; ", response.Headers.WwwAuthenticate));
    }

    public static string? FirstCode(JsonNode? body) => body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}

/// <summary>The demo data on SQLite, behind Entra ID, in the Production environment.</summary>
public sealed class SecuredDemoServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(new WelfareGraphFactory(environment: "Production", identity: Identity));
}

/// <summary>
/// The second generated data set (three provinces) behind Entra ID, for scope tests whose expectations are
/// computed in plain C# from <see cref="Set"/>.
/// </summary>
public abstract class ScopedDataServer : SecuredServer
{
    public GeneratedDataSet Set { get; } = DataSetGenerator.Generate(GeneratedDataServer.SecondSpec);

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    protected override async Task<WelfareGraphFactory> CreateAsync()
    {
        var settings = await SettingsAsync();
        settings["Database:SeedDemoData"] = "false";
        // Hundreds of requests in a few seconds, from a handful of callers.
        settings["GraphQL:RateLimit:PermitLimit"] = "100000";
        return new WelfareGraphFactory(settings, "Production", Identity);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Loading a data set is the server's own work, outside any request.
        await using var db = Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        await DataSetWriter.WriteAsync(db, Set);
    }
}

public sealed class SqliteScopedDataServer : ScopedDataServer
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class PostgresScopedDataServer : ScopedDataServer
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        return new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:WelfareGraph"] = await postgres.CreateDatabaseAsync("scoped"),
        };
    }
}

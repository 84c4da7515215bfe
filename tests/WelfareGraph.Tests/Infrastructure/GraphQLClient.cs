using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>Posts GraphQL requests the way a dashboard does and hands back the parsed response.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body) ?? throw new InvalidOperationException("Empty response");
        return json;
    }

    /// <summary>Runs a query that must succeed, and returns its <c>data</c>.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var json = await QueryAsync(query, variables);
        if (json["errors"] is JsonArray errors && errors.Count > 0)
            throw new Xunit.Sdk.XunitException(
                "GraphQL errors: " + errors.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
            );
        return json["data"] ?? throw new Xunit.Sdk.XunitException("No data in " + json.ToJsonString());
    }
}

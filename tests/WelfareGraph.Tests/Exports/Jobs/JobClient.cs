using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>
/// The job endpoints as a client uses them, with polling on a condition within a time limit (never a sleep as synchronisation).
/// </summary>
public static class JobClient
{
    public const string Totals = "{ contributionTotals(period: { year: 1403 }, unit: RIAL) { total { sum count } } }";

    public static object Underlying(string format = "csv") =>
        new
        {
            query = Totals,
            mode = "underlying",
            format,
        };

    public static async Task<string> StartAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/exports/jobs", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> StatusAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/exports/jobs/{id}"))!;

    /// <summary>Polls until the job's state is no longer <c>running</c>.</summary>
    public static Task<JsonNode> FinishedAsync(HttpClient client, string id) =>
        UntilAsync(client, id, status => status["state"]!.GetValue<string>() != "running");

    public static async Task<JsonNode> UntilAsync(HttpClient client, string id, Func<JsonNode, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = JsonNode.Parse(await client.GetStringAsync($"/exports/jobs/{id}", limit.Token))!;
            if (condition(status))
                return status;
            await Task.Delay(50, limit.Token);
        }
    }

    public static string State(JsonNode status) => status["state"]!.GetValue<string>();
}

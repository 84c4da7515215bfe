using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using WelfareGraph.Security;
using WelfareGraph.Tests.Exports.Jobs;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Data;

/// <summary>
/// The database goes away (<c>pg_ctl stop -m immediate</c>) while a query, an ingestion batch, a streamed Power BI
/// model and an export job are in flight, each held at one of its commands; then comes back on the same port. The
/// server is never restarted.
/// </summary>
public sealed class DatabaseOutageTests(OutageServer server) : IClassFixture<OutageServer>
{
    /// <summary>A hang guard, not a timing assertion: far beyond the deadline every request must keep.</summary>
    private static readonly TimeSpan HangGuard = OutageServer.Deadline * 6;

    private const string Upsert = """
        mutation($input: UpsertContributionsInput!) {
          upsertContributions(input: $input) { inserted updated unchanged errors { code } }
        }
        """;

    private const string Source = "outage-test";

    private static readonly object[] Batch =
    [
        .. Enumerable
            .Range(1, 40)
            .Select(i =>
                (object)
                    new
                    {
                        externalId = $"OUT-{i:000}",
                        date = "1404-08-15",
                        countyCode = "IR-19-02",
                        type = "CASH",
                        sector = "GOVERNMENT",
                        intent = "LIVELIHOOD",
                        channel = "COLLECTION_BASE",
                        amountRial = 1_000_000L + i,
                    }
            ),
    ];

    [Fact]
    public async Task Requests_fail_fast_with_503_during_an_outage_and_the_server_recovers_by_itself()
    {
        var analyst = server.Token(WelfareRoles.Analyst, subject: "outage-query");
        await server.DataAsync(analyst, "{ provinces(first: 2) { nodes { code } } }");
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync());

        // In flight: each held at a command, its connection open (the ingestion's transaction begun, its rows copied).
        var queryHold = server.Holds.Add("outage-query");
        var ingestHold = server.Holds.Add("outage-ingest", fragment: "feed_clock");
        var modelHold = server.Holds.Add("outage-model", ordinal: 3); // the README and the first table are sent by then
        var jobHold = server.Holds.Add("outage-job", ordinal: 2);
        var query = server.PostAsync(analyst, "{ centers(first: 3) { nodes { code } } }");
        var integration = server.Token(WelfareRoles.Integration, subject: "outage-ingest");
        var ingest = server.PostAsync(
            integration,
            Upsert,
            new
            {
                input = new
                {
                    sourceSystem = Source,
                    atomic = true,
                    items = Batch,
                },
            }
        );
        var model = ReadModelAsync(server.Token(WelfareRoles.Analyst, subject: "outage-model"));
        var jobToken = server.Token(WelfareRoles.Analyst, subject: "outage-job");
        var jobId = await StartJobAsync(jobToken);
        await Task.WhenAll(queryHold.Reached.Task, ingestHold.Reached.Task, modelHold.Reached.Task, jobHold.Reached.Task)
            .WaitAsync(HangGuard);

        await server.Postgres.KillAsync();
        foreach (var hold in new[] { queryHold, ingestHold, modelHold, jobHold })
            hold.Released.SetResult();

        var (queryStatus, queryBody) = await query.WaitAsync(HangGuard);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, queryStatus);
        Assert.Equal("DATABASE_UNAVAILABLE", SecuredServer.FirstCode(queryBody));
        var (ingestStatus, ingestBody) = await ingest.WaitAsync(HangGuard);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ingestStatus);
        Assert.Equal("DATABASE_UNAVAILABLE", SecuredServer.FirstCode(ingestBody));
        // The model had begun streaming: the connection is aborted, never ended as if the archive were whole.
        var modelOutcome = await model.WaitAsync(HangGuard);
        Assert.True(modelOutcome.Started, "the model's response had started before the outage");
        Assert.NotNull(modelOutcome.Failure);

        // While it is down, every edge answers 503 DATABASE_UNAVAILABLE at once, on every media type.
        foreach (var mediaType in new[] { "application/graphql-response+json", "application/json" })
        {
            var (status, body) = await SendAsync(
                    analyst,
                    HttpMethod.Post,
                    "/graphql",
                    mediaType,
                    JsonContent.Create(new { query = "{ counties(first: 2) { nodes { code } } }" })
                )
                .WaitAsync(HangGuard);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("DATABASE_UNAVAILABLE", SecuredServer.FirstCode(body));
        }
        var export = await SendAsync(
                analyst,
                HttpMethod.Post,
                "/exports",
                "*/*",
                JsonContent.Create(
                    new { query = "{ contributionTotals(groupBy: [COUNTY]) { groups { key { county { code } } sum } } }", format = "csv" }
                )
            )
            .WaitAsync(HangGuard);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "DATABASE_UNAVAILABLE"), (export.Status, SecuredServer.FirstCode(export.Body)));
        var feed = await SendAsync(analyst, HttpMethod.Get, "/odata/Provinces", "application/json", null).WaitAsync(HangGuard);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "DATABASE_UNAVAILABLE"), (feed.Status, SecuredServer.FirstCode(feed.Body)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync().WaitAsync(HangGuard));

        // Back on the same port: the same server answers again, with no restart.
        await server.Postgres.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync().WaitAsync(HangGuard));
        Assert.NotEmpty((await server.DataAsync(analyst, "{ centers(first: 3) { nodes { code } } }"))["centers"]!["nodes"]!.AsArray());

        // A job's state is in the database, so it is read once the database is back: the job failed, no file.
        var job = await FinishedJobAsync(jobToken, jobId).WaitAsync(HangGuard);
        Assert.Equal("failed", job["state"]!.GetValue<string>());
        Assert.Equal("DATABASE_UNAVAILABLE", job["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, await StatusOfAsync(jobToken, HttpMethod.Get, $"/exports/jobs/{jobId}/file"));

        // The interrupted batch wrote nothing; its retry writes every record once, and a second retry changes nothing.
        Assert.Equal((0L, 0L), await StoredAsync());
        var retried = (
            await server.DataAsync(
                integration,
                Upsert,
                new
                {
                    input = new
                    {
                        sourceSystem = Source,
                        atomic = true,
                        items = Batch,
                    },
                }
            )
        )["upsertContributions"]!;
        Assert.Equal(Batch.Length, retried["inserted"]!.GetValue<int>());
        var again = (
            await server.DataAsync(
                integration,
                Upsert,
                new
                {
                    input = new
                    {
                        sourceSystem = Source,
                        atomic = true,
                        items = Batch,
                    },
                }
            )
        )["upsertContributions"]!;
        Assert.Equal(Batch.Length, again["unchanged"]!.GetValue<int>());
        Assert.Equal(((long)Batch.Length, (long)Batch.Length), await StoredAsync());
    }

    /// <summary>Rows of the batch's source, and how many distinct keys they hold — by hand-written SQL.</summary>
    private async Task<(long Rows, long Keys)> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT external_id) FROM contributions WHERE source_system = $1",
            connection
        );
        command.Parameters.AddWithValue(Source);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<HttpStatusCode> ReadinessAsync()
    {
        using var client = server.Factory.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }

    private sealed record ModelOutcome(bool Started, Exception? Failure);

    /// <summary>Reads the streamed model to its end, or to the failure that cuts it off.</summary>
    private async Task<ModelOutcome> ReadModelAsync(string token)
    {
        using var client = server.Factory.CreateClient();
        TestIdentity.Authorize(client, token);
        var started = false;
        try
        {
            using var response = await client.GetAsync("/exports/powerbi/model.zip", HttpCompletionOption.ResponseHeadersRead);
            started = response.StatusCode == HttpStatusCode.OK;
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
            return new ModelOutcome(started, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return new ModelOutcome(started, e);
        }
    }

    private async Task<string> StartJobAsync(string token)
    {
        using var client = server.Factory.CreateClient();
        TestIdentity.Authorize(client, token);
        using var response = await client.PostAsJsonAsync(
            "/exports/jobs",
            new
            {
                query = "{ contributions { nodes { id } } }",
                mode = "underlying",
                format = "csv",
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> FinishedJobAsync(string token, string id)
    {
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), token);
        return await JobClient.FinishedAsync(client, id);
    }

    private async Task<HttpStatusCode> StatusOfAsync(string token, HttpMethod method, string path) =>
        (await SendAsync(token, method, path, "*/*", null)).Status;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string token,
        HttpMethod method,
        string path,
        string accept,
        HttpContent? content
    )
    {
        using var client = server.Factory.CreateClient();
        TestIdentity.Authorize(client, token);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await client.SendAsync(request);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException) { } // not JSON: the assertions on the code say so
        return (response.StatusCode, body);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using WelfareGraph.Security;
using WelfareGraph.Tests.Exports.Jobs;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// What two servers in separate processes share and what they do not: one rate-limit allowance per caller,
/// the data (a write on A reaches B's totals through the replica, or at once with A's data version), export
/// jobs (started on A, finished and downloaded on B, still there after both restart), and a Redis outage that
/// fails no request. Expected figures come from hand-written SQL on the primary.
/// </summary>
public sealed class TwoServerTests(TwoServers servers) : IClassFixture<TwoServers>
{
    private const string Totals = "{ contributionTotals(unit: RIAL) { total { sum count } } }";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_callers_rate_limit_is_one_allowance_across_both_servers()
    {
        var caller = "rate-" + Guid.NewGuid().ToString("N")[..8];
        using var a = servers.Client(servers.A, caller);
        using var b = servers.Client(servers.B, caller);
        for (var i = 0; i < TwoServers.PermitLimit; i++)
        {
            var (status, body, _) = await PostAsync(i % 2 == 0 ? a : b, "{ __typename }");
            Assert.True(status == HttpStatusCode.OK, $"request {i + 1} of {TwoServers.PermitLimit}: {(int)status} {body?.ToJsonString()}");
        }

        foreach (var server in new[] { a, b })
        {
            using var refused = await server.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 600);
            var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!;
            Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
            Assert.StartsWith($"Too many requests: at most {TwoServers.PermitLimit} per 00:10:00.", error["message"]!.GetValue<string>());
        }

        using var someoneElse = servers.Client(servers.B, "not-" + caller);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(someoneElse, "{ __typename }")).Status);
    }

    [Fact]
    public async Task A_write_answered_by_A_shows_in_Bs_totals_once_replayed_and_at_once_with_As_data_version()
    {
        using var writer = servers.Client(servers.A, "writer-" + Guid.NewGuid().ToString("N")[..8], WelfareRoles.Integration);
        using var reader = servers.Client(servers.B, "reader-" + Guid.NewGuid().ToString("N")[..8]);
        await servers.Replica.WaitForReplayAsync(servers.PrimaryConnection, Patience);
        var before = await SumAsync(servers.PrimaryConnection);
        // Twice: the second answer may come from B's cache; either way it is the replica's figure.
        for (var i = 0; i < 2; i++)
        {
            var read = await DataAsync(reader, Totals);
            Assert.Equal("replica", read.From);
            Assert.Equal(before, Sum(read.Body));
        }

        await servers.Replica.PauseReplayAsync(servers.ReplicaConnection);
        long fresh;
        try
        {
            const long amount = 4_321_000;
            var written = await DataAsync(
                writer,
                $$"""
                mutation { upsertContributions(input: { sourceSystem: "two-servers", items: [{ externalId: "{{Guid.NewGuid():N}}",
                  date: "1403-05-02", countyCode: "IR-19-07", type: CASH, sector: CHARITY, channel: CHARITY_INSTITUTION,
                  amountRial: {{amount}} }] }) { inserted } }
                """
            );
            Assert.Equal(1, written.Body["data"]!["upsertContributions"]!["inserted"]!.GetValue<int>());
            var version = written.Body["extensions"]!["dataVersion"]!.GetValue<long>();
            fresh = await SumAsync(servers.PrimaryConnection);
            Assert.Equal(before + amount, fresh);

            // B still reads the paused replica: the old figure, older than A's write, and it says as of when.
            var stale = await DataAsync(reader, Totals);
            Assert.Equal("replica", stale.From);
            Assert.Equal(before, Sum(stale.Body));
            Assert.True(stale.Body["extensions"]!["dataVersion"]!.GetValue<long>() < version);
            Assert.NotNull(stale.Body["extensions"]!["dataAsOf"]);

            // Sent A's data version, B answers with A's write at once (from the primary).
            var mine = await DataAsync(reader, Totals, minVersion: version);
            Assert.Equal("primary", mine.From);
            Assert.Equal(fresh, Sum(mine.Body));
        }
        finally
        {
            await servers.Replica.ResumeReplayAsync(servers.ReplicaConnection);
        }

        // Replayed, B's own answer from the replica has the write: no cached answer hides it.
        var caughtUp = await PollAsync(() => DataAsync(reader, Totals), r => r.From == "replica" && Sum(r.Body) == fresh, 100);
        Assert.Equal(fresh, Sum(caughtUp.Body));
    }

    [Fact]
    public async Task An_export_job_started_on_A_is_polled_and_downloaded_on_B_and_outlives_a_restart_of_both()
    {
        var caller = "exporter-" + Guid.NewGuid().ToString("N")[..8];
        var expected = await ScalarAsync(
            servers.PrimaryConnection,
            "SELECT COUNT(*) FROM contributions WHERE solar_year = 1403 AND NOT is_retracted"
        );
        Assert.True(expected > 0, "the demo data has contributions in 1403");

        string id;
        byte[] file;
        using (var a = servers.Client(servers.A, caller))
        using (var b = servers.Client(servers.B, caller))
        {
            id = await JobClient.StartAsync(a, JobClient.Underlying());
            var status = await PollAsync(() => StatusAsync(b, id), s => JobClient.State(s) != "running", 250);
            Assert.Equal("succeeded", JobClient.State(status));
            Assert.Equal(expected, status["rowsWritten"]!.GetValue<long>());
            var download = await GetAsync(b, status["downloadUrl"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, download.Status);
            Assert.Equal(expected, Csv(download.Body).Rows.Count);
            file = download.Body;
        }

        await servers.A.StopAsync();
        await servers.B.StopAsync();
        await servers.A.StartAsync();
        await servers.B.StartAsync();

        using (var a = servers.Client(servers.A, caller))
        using (var b = servers.Client(servers.B, caller))
        {
            var status = await StatusAsync(b, id);
            Assert.Equal("succeeded", JobClient.State(status));
            Assert.Equal(expected, status["rowsWritten"]!.GetValue<long>());
            var again = await GetAsync(a, status["downloadUrl"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Equal(file, again.Body);
        }
    }

    [Fact]
    public async Task Redis_stopping_fails_no_request_on_either_server_shows_in_their_health_and_both_recover()
    {
        const string outage = "Redis did not answer the rate limiter";
        const string recovered = "Redis answers the rate limiter again";
        var caller = "outage-" + Guid.NewGuid().ToString("N")[..8];
        using var a = servers.Client(servers.A, caller);
        using var b = servers.Client(servers.B, caller);
        var expected = await SumAsync(servers.ReplicaConnection);
        foreach (var client in new[] { a, b })
        {
            Assert.Equal(expected, Sum((await DataAsync(client, Totals)).Body));
            await PollAsync(() => HealthAsync(client), health => health == "Healthy", 100);
        }
        var outagesBefore = (Count(servers.A, outage), Count(servers.B, outage));

        var redisStopped = false;
        try
        {
            await servers.Redis.StopAsync();
            redisStopped = true;
            for (var i = 0; i < 10; i++)
            {
                foreach (var client in new[] { a, b })
                {
                    Assert.Equal(expected, Sum((await DataAsync(client, Totals)).Body));
                    // A query no cache has seen is computed by the database while Redis is away.
                    var other = await DataAsync(
                        client,
                        $"{{ q{i}: contributionTotals(unit: RIAL) {{ total {{ count }} }} centerTotals {{ total {{ centers }} }} }}"
                    );
                    Assert.NotNull(other.Body["data"]!["centerTotals"]);
                }
            }
            foreach (var client in new[] { a, b })
                await PollAsync(() => HealthAsync(client), health => health == "Degraded", 100);
            // Twenty requests on each server during the outage, and one warning each.
            Assert.Equal(outagesBefore.Item1 + 1, Count(servers.A, outage));
            Assert.Equal(outagesBefore.Item2 + 1, Count(servers.B, outage));
        }
        finally
        {
            if (redisStopped)
                await servers.Redis.StartAsync();
        }

        var recoveriesBefore = (Count(servers.A, recovered), Count(servers.B, recovered));
        foreach (var client in new[] { a, b })
            await PollAsync(() => HealthAsync(client), health => health == "Healthy", 100);
        // Each server's next request past its short break asks Redis again, and says so once.
        await PollAsync(
            async () =>
            {
                await DataAsync(a, Totals);
                await DataAsync(b, Totals);
                return (Count(servers.A, recovered), Count(servers.B, recovered));
            },
            counts => counts.Item1 > recoveriesBefore.Item1 && counts.Item2 > recoveriesBefore.Item2,
            250
        );
    }

    private sealed record Answer(JsonNode Body, string? From);

    private static async Task<(HttpStatusCode Status, JsonNode? Body, string? From)> PostAsync(
        HttpClient client,
        string query,
        long? minVersion = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (minVersion is { } version)
            request.Headers.Add("WelfareGraph-Min-Version", version.ToString(CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (
            response.StatusCode,
            text.Length == 0 ? null : JsonNode.Parse(text),
            response.Headers.TryGetValues("WelfareGraph-Read-From", out var from) ? from.Single() : null
        );
    }

    /// <summary>A request that must answer 200 without errors.</summary>
    private static async Task<Answer> DataAsync(HttpClient client, string query, long? minVersion = null)
    {
        var (status, body, from) = await PostAsync(client, query, minVersion);
        Assert.True(status == HttpStatusCode.OK && body?["errors"] is null, $"{(int)status}: {body?.ToJsonString()}");
        return new Answer(body!, from);
    }

    private static long Sum(JsonNode body) => body["data"]!["contributionTotals"]!["total"]!["sum"]!.GetValue<long>();

    private static async Task<JsonNode> StatusAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/exports/jobs/{id}"))!;

    private static async Task<string> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return await response.Content.ReadAsStringAsync();
    }

    private static int Count(ServerProcess server, string text) =>
        server.OutputTail().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static Task<long> SumAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT COALESCE(SUM(amount_rial), 0)::bigint FROM contributions WHERE NOT is_retracted");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Polls with a generous interval: every attempt counts against the caller's rate limit.</summary>
    private static Task<T> PollAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, int intervalMs) =>
        Poll.UntilAsync(attempt, done, Patience, intervalMs);
}

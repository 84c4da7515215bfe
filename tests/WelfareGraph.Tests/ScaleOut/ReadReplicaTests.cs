using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// Reads on the replica, writes on the primary, staleness that shows (<c>dataAsOf</c>) and is bounded
/// (<c>Database:MaxReplicaLag</c>), and read-your-writes through <c>WelfareGraph-Min-Version</c> — against a real
/// streaming replica whose replay the tests pause. Expected figures come from hand-written SQL on each server.
/// </summary>
public sealed class ReadReplicaTests(ReplicatedServers servers) : IClassFixture<ReplicatedServers>
{
    private const string Totals = "{ contributionTotals(unit: RIAL) { total { sum count } } }";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static int _written;

    [Fact]
    public async Task Reads_are_served_by_the_replica_and_writes_by_the_primary()
    {
        await servers.Replica.WaitForReplayAsync(servers.PrimaryConnection, Patience);
        servers.Recorder.Clear();
        var read = await PostAsync(servers.Tolerant, Totals);
        Assert.Equal("replica", read.From);
        Assert.Equal(await SumAsync(servers.ReplicaConnection), Sum(read.Body));
        Assert.NotNull(read.Body["extensions"]?["dataAsOf"]);
        var reads = servers.Recorder.Commands.Where(c => c.Sql.Contains("contributions", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.True(r.OnStandby, "a read ran on the primary: " + r.Sql));

        servers.Recorder.Clear();
        var (write, _) = await WriteAsync(1_000_000);
        Assert.Null(write.From); // a mutation is never routed
        var versionBumps = servers.Recorder.Commands.Where(c => c.Sql.Contains("UPDATE data_version", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(versionBumps);
        Assert.All(servers.Recorder.Commands, c => Assert.False(c.OnStandby, "a mutation's command ran on the standby: " + c.Sql));
    }

    [Fact]
    public async Task While_replay_is_paused_answers_say_how_old_they_are_and_a_data_version_or_the_lag_bound_brings_the_primary()
    {
        await servers.Replica.WaitForReplayAsync(servers.PrimaryConnection, Patience);
        await servers.Replica.PauseReplayAsync(servers.ReplicaConnection);
        long fresh;
        try
        {
            var stale = await SumAsync(servers.ReplicaConnection);
            var (_, version) = await WriteAsync(7_777_000);
            fresh = await SumAsync(servers.PrimaryConnection);
            Assert.Equal(stale + 7_777_000, fresh);

            // The tolerant server keeps reading the replica: the old figure, and it says as of when.
            var old = await PostAsync(servers.Tolerant, Totals);
            Assert.Equal("replica", old.From);
            Assert.Equal(stale, Sum(old.Body));
            Assert.True(old.Body["extensions"]!["dataVersion"]!.GetValue<long>() < version);
            Assert.True(DateTime.TryParse(old.Body["extensions"]!["dataAsOf"]!.GetValue<string>(), out _));

            // Sent the version its write committed, it answers from the primary at once.
            var mine = await PostAsync(servers.Tolerant, Totals, minVersion: version);
            Assert.Equal("primary", mine.From);
            var behind = System.Text.RegularExpressions.Regex.Match(
                mine.Reason ?? "",
                $@"^replica at data version (\d+), WelfareGraph-Min-Version {version}$"
            );
            Assert.True(behind.Success && long.Parse(behind.Groups[1].Value) < version, mine.Reason);
            Assert.Equal(fresh, Sum(mine.Body));
            Assert.Null(mine.Body["extensions"]?["dataAsOf"]);

            // The strict server turns to the primary once the replica is past its bound, and its health says so.
            var strict = await PollAsync(() => PostAsync(servers.Strict, Totals), r => r.From == "primary");
            Assert.Equal(fresh, Sum(strict.Body));
            Assert.Matches(@"^replica \d+(\.\d+)? s behind, past Database:MaxReplicaLag$", strict.Reason);
            using var health = servers.Strict.CreateClient();
            await PollAsync(() => health.GetStringAsync("/health/ready"), body => body == "Degraded");
        }
        finally
        {
            await servers.Replica.ResumeReplayAsync(servers.ReplicaConnection);
        }
        // Replayed, the replica's answer catches up (no cache hides it).
        var caughtUp = await PollAsync(() => PostAsync(servers.Tolerant, Totals), r => r.From == "replica" && Sum(r.Body) == fresh);
        Assert.NotNull(caughtUp.Body["extensions"]?["dataAsOf"]);
        using var again = servers.Strict.CreateClient();
        await PollAsync(() => again.GetStringAsync("/health/ready"), body => body == "Healthy");
    }

    [Fact]
    public async Task A_change_to_a_countys_all_households_count_shows_in_the_coverage_rate()
    {
        const string coverage = """
            { householdTotals(where: { county: { code: { eq: "IR-19-07" } } }) { total { count allHouseholds coverageRate } } }
            """;
        var (nameFa, nameEn, households) = await CountyAsync();
        var doubled = households * 2;
        var write = await PostAsync(
            servers.Tolerant,
            """
            mutation($fa: String!, $en: String!, $n: Int!) { upsertCounties(items: [{ code: "IR-19-07", nameFa: $fa,
              nameEn: $en, provinceCode: "IR-19", totalHouseholds: $n }]) { updated } }
            """,
            variables: new
            {
                fa = nameFa,
                en = nameEn,
                n = doubled,
            }
        );
        Assert.Equal(1, write.Body["data"]!["upsertCounties"]!["updated"]!.GetValue<int>());
        var version = write.Body["extensions"]!["dataVersion"]!.GetValue<long>();

        var mine = await PostAsync(servers.Tolerant, coverage, minVersion: version);
        var total = mine.Body["data"]!["householdTotals"]!["total"]!;
        Assert.Equal(doubled, total["allHouseholds"]!.GetValue<int>());
        var count = total["count"]!.GetValue<int>();
        Assert.True(count > 0);
        Assert.Equal((double)count / doubled, total["coverageRate"]!.GetValue<double>(), 9);

        // Without the version, once the replica has replayed the change, it answers the same.
        var replayed = await PollAsync(
            () => PostAsync(servers.Tolerant, coverage),
            r => r.From == "replica" && r.Body["data"]!["householdTotals"]!["total"]!["allHouseholds"]!.GetValue<int>() == doubled
        );
        Assert.Equal((double)count / doubled, replayed.Body["data"]!["householdTotals"]!["total"]!["coverageRate"]!.GetValue<double>(), 9);
    }

    private sealed record Answer(JsonNode Body, string? From, string? Reason = null);

    private async Task<(Answer Answer, long Version)> WriteAsync(long amountRial)
    {
        var id = "replica-" + Interlocked.Increment(ref _written);
        var answer = await PostAsync(
            servers.Tolerant,
            $$"""
            mutation { upsertContributions(input: { sourceSystem: "replica-test", items: [{ externalId: "{{id}}",
              date: "1403-05-02", countyCode: "IR-19-07", type: CASH, sector: CHARITY, channel: CHARITY_INSTITUTION,
              amountRial: {{amountRial}} }] }) { inserted errors { code } } }
            """
        );
        Assert.Equal(1, answer.Body["data"]!["upsertContributions"]!["inserted"]!.GetValue<int>());
        return (answer, answer.Body["extensions"]!["dataVersion"]!.GetValue<long>());
    }

    private static async Task<Answer> PostAsync(
        WebApplicationFactory<Program> server,
        string query,
        long? minVersion = null,
        object? variables = null
    )
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (minVersion is { } version)
            request.Headers.Add("WelfareGraph-Min-Version", version.ToString());
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return new Answer(
            body,
            response.Headers.TryGetValues("WelfareGraph-Read-From", out var from) ? from.Single() : null,
            response.Headers.TryGetValues("WelfareGraph-Read-Reason", out var reason) ? reason.Single() : null
        );
    }

    private static long Sum(JsonNode body) => body["data"]!["contributionTotals"]!["total"]!["sum"]!.GetValue<long>();

    private static async Task<long> SumAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(SUM(amount_rial), 0)::bigint FROM contributions WHERE NOT is_retracted",
            connection
        );
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string NameFa, string NameEn, int Households)> CountyAsync()
    {
        await using var connection = new NpgsqlConnection(servers.PrimaryConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name_fa, name_en, total_households FROM counties WHERE code = 'IR-19-07'",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
    }

    private static Task<T> PollAsync<T>(Func<Task<T>> attempt, Func<T, bool> done) => Poll.UntilAsync(attempt, done, Patience);
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Exports;
using WelfareGraph.Exports.Jobs;
using WelfareGraph.Security;
using static WelfareGraph.Tests.Exports.ExportFiles;
using static WelfareGraph.Tests.Exports.Jobs.JobClient;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>
/// Export jobs shared by two servers over one database and one job folder: started on one, polled, downloaded and
/// cancelled on the other; both restarted; a job whose server died taken over (with the roles and scope stored at
/// its submission) or marked failed; the running-jobs limit counted across both.
/// </summary>
public abstract class DurableJobTests
{
    protected abstract Task<JobDatabase> CreateDatabaseAsync();

    /// <summary>The underlying rows of <see cref="JobClient.Totals"/> by hand-written SQL, for every county or for one.</summary>
    private static Task<long> ExpectedRowsAsync(JobDatabase database, string? county = null) =>
        database.ScalarAsync(
            "SELECT COUNT(*) FROM contributions c JOIN counties k ON k.id = c.county_id WHERE c.solar_year = 1403 AND NOT c.is_retracted"
                + (county is null ? "" : $" AND k.code = '{county}'")
        );

    [Fact]
    public async Task A_job_started_on_one_server_is_polled_downloaded_and_removed_on_the_other()
    {
        using var database = await CreateDatabaseAsync();
        using var a = new JobServer(database.Settings());
        using var b = new JobServer(database.Settings());
        var expected = await ExpectedRowsAsync(database);
        Assert.True(expected > 0, "the demo data has contributions in 1403");

        var id = await StartAsync(a.Client, Underlying());
        var status = await FinishedAsync(b.Client, id);
        Assert.Equal("succeeded", State(status));
        Assert.Equal(expected, status["rowsWritten"]!.GetValue<long>());

        var file = await GetAsync(b.Client, status["downloadUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal(expected, Csv(file.Body).Rows.Count);
        Assert.Equal([$"{id}.csv"], Directory.GetFiles(database.Folder, id + "*").Select(Path.GetFileName));

        // Removed on A, gone for both: the row and the file.
        using (var removed = await a.Client.DeleteAsync($"/exports/jobs/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(b.Client, $"/exports/jobs/{id}")).Status);
        Assert.Empty(Directory.GetFiles(database.Folder, id + "*"));
    }

    [Fact]
    public async Task A_job_running_on_one_server_is_cancelled_from_the_other()
    {
        using var database = await CreateDatabaseAsync();
        using var a = new JobServer(database.Settings());
        using var b = new JobServer(database.Settings());
        a.Gate.Arm();
        try
        {
            var id = await StartAsync(a.Client, Underlying());
            await a.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("running", State(await StatusAsync(b.Client, id)));
            Assert.Equal(HttpStatusCode.Conflict, (await GetAsync(b.Client, $"/exports/jobs/{id}/file")).Status);

            using (var cancel = await b.Client.DeleteAsync($"/exports/jobs/{id}"))
                Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            // A sees the request at its next heartbeat and stops the query it is holding.
            var status = await FinishedAsync(b.Client, id);
            Assert.Equal("cancelled", State(status));
            Assert.Equal("cancelled", State(await StatusAsync(a.Client, id)));
            Assert.Empty(Directory.GetFiles(database.Folder, id + "*"));
        }
        finally
        {
            a.Gate.Release();
        }
    }

    [Fact]
    public async Task Restarting_both_servers_forgets_nothing_and_a_job_interrupted_by_a_restart_is_finished()
    {
        using var database = await CreateDatabaseAsync();
        long expected;
        string finished,
            interrupted;
        byte[] before;
        using (var a = new JobServer(database.Settings()))
        using (var b = new JobServer(database.Settings()))
        {
            expected = await ExpectedRowsAsync(database);
            finished = await StartAsync(a.Client, Underlying("xlsx"));
            Assert.Equal("succeeded", State(await FinishedAsync(a.Client, finished)));
            before = (await GetAsync(b.Client, $"/exports/jobs/{finished}/file")).Body;

            // A stops in the middle of a job: it hands the job back, and B takes it over and completes it.
            a.Gate.Arm();
            interrupted = await StartAsync(a.Client, Underlying());
            await a.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));
            a.Dispose();
            var status = await FinishedAsync(b.Client, interrupted);
            Assert.Equal("succeeded", State(status));
            Assert.Equal(expected, status["rowsWritten"]!.GetValue<long>());
        }

        using var a2 = new JobServer(database.Settings());
        using var b2 = new JobServer(database.Settings());
        var again = await StatusAsync(b2.Client, finished);
        Assert.Equal("succeeded", State(again));
        Assert.Equal(expected, again["rowsWritten"]!.GetValue<long>());
        Assert.Equal(before, (await GetAsync(b2.Client, $"/exports/jobs/{finished}/file")).Body);
        var taken = await GetAsync(a2.Client, $"/exports/jobs/{interrupted}/file");
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal(expected, Csv(taken.Body).Rows.Count);
        // Handed back at A's shutdown, not lost: the start A made is not counted against the job.
        Assert.Equal(1, await database.ScalarAsync($"SELECT attempts FROM export_jobs WHERE id = '{interrupted}'"));
    }

    /// <summary>
    /// A job a dead server left running: its lease has passed and nobody renews it. It was submitted by a caller
    /// with one county and the Analyst role; the caller polling it (the local developer) sees the whole country,
    /// yet the job writes that county's rows only.
    /// </summary>
    [Fact]
    public async Task A_job_whose_server_died_is_taken_over_and_runs_with_the_scope_it_was_admitted_with()
    {
        using var database = await CreateDatabaseAsync();
        using var b = new JobServer(database.Settings());
        var county = await ExpectedRowsAsync(database, "IR-19-02");
        var national = await ExpectedRowsAsync(database);
        Assert.True(county > 0 && county < national, "Abhar has some, not all, of the 1403 contributions");

        var id = await InsertAbandonedAsync(b, attempts: 1, scope: "IR-19-02");
        var status = await FinishedAsync(b.Client, id);
        Assert.Equal("succeeded", State(status));
        Assert.Equal(county, status["rowsWritten"]!.GetValue<long>());
        var file = await GetAsync(b.Client, $"/exports/jobs/{id}/file");
        Assert.Equal(county, Csv(file.Body).Rows.Count);
        Assert.Equal(2, await database.ScalarAsync($"SELECT attempts FROM export_jobs WHERE id = '{id}'"));
        // The audit log names the job's stored scope, not the poller's.
        Assert.Equal(
            1,
            await database.ScalarAsync(
                $"SELECT COUNT(*) FROM audit_log WHERE kind = 'export' AND scope = 'IR-19-02' AND roles = '{WelfareRoles.Analyst}'"
            )
        );
    }

    [Fact]
    public async Task A_job_whose_servers_kept_dying_is_marked_failed_not_left_running()
    {
        using var database = await CreateDatabaseAsync();
        using var b = new JobServer(database.Settings(new Dictionary<string, string?> { ["Exports:JobAttempts"] = "2" }));
        var id = await InsertAbandonedAsync(b, attempts: 2, scope: "IR");
        var status = await FinishedAsync(b.Client, id);
        Assert.Equal("failed", State(status));
        Assert.Equal(ExportJobs.ServerLostCode, status["errorCode"]!.GetValue<string>());
        Assert.Equal(0, await database.ScalarAsync($"SELECT COUNT(*) FROM export_jobs WHERE id = '{id}' AND running_slot IS NOT NULL"));
    }

    [Fact]
    public async Task The_running_jobs_limit_holds_across_servers()
    {
        using var database = await CreateDatabaseAsync();
        var limit = new Dictionary<string, string?> { ["Exports:MaxRunningJobsPerCaller"] = "2" };
        using var a = new JobServer(database.Settings(limit));
        using var b = new JobServer(database.Settings(limit));
        a.Gate.Arm();
        b.Gate.Arm();
        try
        {
            // Six at once, three to each server: two places in all.
            var answers = await Task.WhenAll(
                Enumerable
                    .Range(0, 6)
                    .Select(async i =>
                    {
                        using var response = await (i % 2 == 0 ? a : b).Client.PostAsync(
                            "/exports/jobs",
                            new StringContent(JsonSerializer.Serialize(Underlying()), System.Text.Encoding.UTF8, "application/json")
                        );
                        return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
                    })
            );
            Assert.Equal(2, answers.Count(r => r.StatusCode == HttpStatusCode.Accepted));
            Assert.All(
                answers.Where(r => r.StatusCode != HttpStatusCode.Accepted),
                r =>
                {
                    Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
                    Assert.Contains("TOO_MANY_JOBS", r.Body, StringComparison.Ordinal);
                }
            );
            Assert.Equal(2, await database.ScalarAsync("SELECT COUNT(*) FROM export_jobs WHERE state = 'running'"));

            a.Gate.Release();
            b.Gate.Release();
            foreach (var accepted in answers.Where(r => r.StatusCode == HttpStatusCode.Accepted))
                Assert.Equal(
                    "succeeded",
                    State(await FinishedAsync(a.Client, System.Text.Json.Nodes.JsonNode.Parse(accepted.Body)!["id"]!.GetValue<string>()))
                );
            // Finished jobs give their places back.
            Assert.Equal("succeeded", State(await FinishedAsync(b.Client, await StartAsync(b.Client, Underlying()))));
        }
        finally
        {
            a.Gate.Release();
            b.Gate.Release();
        }
    }

    /// <summary>A running job as a server that stopped without handing it back leaves it: held by nobody alive, its lease passed.</summary>
    private static async Task<string> InsertAbandonedAsync(JobServer server, int attempts, string scope)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        await using var db = server.Factory.Services.GetRequiredService<BookkeepingDbContextFactory>().CreateDbContext();
        db.ExportJobs.Add(
            new ExportJobRecord
            {
                Id = id,
                Owner = LocalDeveloperAuthentication.Subject,
                Roles = WelfareRoles.Analyst,
                Permissions = WelfareRoles.ReadScope,
                Scope = scope,
                Request = JsonSerializer.Serialize(
                    new ExportRequest
                    {
                        Query = Totals,
                        Mode = "underlying",
                        Format = "csv",
                    },
                    ExportJson.Options
                ),
                Format = "csv",
                Mode = "underlying",
                State = "running",
                StartedAt = now.AddMinutes(-5),
                Holder = "a-server-that-died",
                LeaseExpiresAt = now.AddMinutes(-1),
                Attempts = attempts,
                RunningSlot = 0,
            }
        );
        await db.SaveChangesAsync();
        return id;
    }
}

public sealed class SqliteDurableJobTests : DurableJobTests
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.SqliteAsync();
}

public sealed class PostgresDurableJobTests : DurableJobTests
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.PostgresAsync();
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Exports.Jobs;
using WelfareGraph.Tests.Exports.Jobs;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// Holds the underlying-rows query of an export at the database until the test lets it go: a job is then
/// certainly running, mid-file, when the test looks at it or cancels it.
/// </summary>
public sealed class UnderlyingQueryGate : DbCommandInterceptor
{
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _armed;

    public Task Entered => _entered.Task;

    public void Arm()
    {
        (_entered, _release) = (
            new(TaskCreationOptions.RunContinuationsAsynchronously),
            new(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        _armed = true;
    }

    public void Release()
    {
        _armed = false;
        _release.TrySetResult();
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        // The fact rows of an underlying export: every contribution column, in id order (PostgreSQL leaves the
        // lower-case names unquoted, SQLite quotes them).
        if (
            _armed
            && command.CommandText.Contains("external_id", StringComparison.Ordinal)
            && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
        )
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        return result;
    }
}

public sealed class JobsServer : IDisposable
{
    public JobsServer()
    {
        Factory = new WelfareGraphFactory { TestServices = services => services.AddSingleton<IInterceptor>(Gate) };
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public UnderlyingQueryGate Gate { get; } = new();
    public WelfareGraphFactory Factory { get; }
    public GraphQLClient Client { get; }
    public string Folder => ((FolderJobStore)Factory.Services.GetRequiredService<IExportJobStore>()).Folder;

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// Background exports: status with rows written, download when done, cancellation that leaves no file, failures reported.
/// </summary>
public sealed class ExportJobTests(JobsServer server) : IClassFixture<JobsServer>
{
    private const string Query = "{ contributionTotals(period: { year: 1403 }, unit: RIAL) { total { sum count } } }";

    private static async Task<JsonNode> StartAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/exports/jobs", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal($"/exports/jobs/{status["id"]}", response.Headers.Location?.ToString());
        return status;
    }

    [Fact]
    public async Task A_job_reports_the_rows_written_and_offers_the_complete_file()
    {
        var total = (await server.Client.DataAsync(Query))["contributionTotals"]!["total"]!;
        var client = server.Factory.CreateClient();
        var started = await StartAsync(
            client,
            new
            {
                query = Query,
                mode = "underlying",
                format = "xlsx",
                lang = "fa",
            }
        );
        var id = started["id"]!.GetValue<string>();

        var status = await JobClient.FinishedAsync(client, id);
        Assert.Equal("succeeded", status["state"]!.GetValue<string>());
        Assert.Equal(total["count"]!.GetValue<int>(), status["rowsWritten"]!.GetValue<long>());
        Assert.Equal("contributionTotals_1403-01_1403-12_underlying.xlsx", status["fileName"]!.GetValue<string>());

        var file = await GetAsync(client, status["downloadUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal("contributionTotals_1403-01_1403-12_underlying.xlsx", file.FileName);
        var rows = Xlsx(file.Body).Single().Rows;
        Assert.Equal(total["count"]!.GetValue<int>(), rows.Count);
        Assert.Equal(total["sum"]!.GetValue<decimal>(), rows.Sum(r => Number(r["مبلغ (ریال)"])));
        Assert.Equal(
            [$"{id}.xlsx"],
            Directory.GetFiles(server.Folder).Select(Path.GetFileName).Where(f => f!.StartsWith(id, StringComparison.Ordinal))
        );
    }

    [Fact]
    public async Task A_cancelled_job_leaves_no_file_behind()
    {
        var client = server.Factory.CreateClient();
        server.Gate.Arm();
        try
        {
            var id = (
                await StartAsync(
                    client,
                    new
                    {
                        query = Query,
                        mode = "underlying",
                        format = "csv",
                    }
                )
            )["id"]!.GetValue<string>();
            await server.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));

            // Mid-export: running, and only a partial file exists.
            Assert.Equal("running", JsonNode.Parse(await client.GetStringAsync($"/exports/jobs/{id}"))!["state"]!.GetValue<string>());
            Assert.Equal([$"{id}.partial"], Directory.GetFiles(server.Folder, id + "*").Select(Path.GetFileName));
            var early = await GetAsync(client, $"/exports/jobs/{id}/file");
            Assert.Equal(HttpStatusCode.Conflict, early.Status);

            using (var cancel = await client.DeleteAsync($"/exports/jobs/{id}"))
                Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            var status = await JobClient.FinishedAsync(client, id);
            Assert.Equal("cancelled", status["state"]!.GetValue<string>());
            Assert.Empty(Directory.GetFiles(server.Folder, id + "*"));
            Assert.Equal(HttpStatusCode.Conflict, (await GetAsync(client, $"/exports/jobs/{id}/file")).Status);
        }
        finally
        {
            server.Gate.Release();
        }
    }

    [Fact]
    public async Task A_job_whose_query_fails_reports_the_error()
    {
        var client = server.Factory.CreateClient();
        var id = (
            await StartAsync(client, new { query = "{ contributionTotals(period: { year: 1404, toMonth: 13 }) { total { sum } } }" })
        )["id"]!.GetValue<string>();
        var status = await JobClient.FinishedAsync(client, id);
        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Equal("INVALID_PERIOD", status["errorCode"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(server.Folder, id + "*"));
    }

    [Fact]
    public async Task Unknown_jobs_are_not_found()
    {
        var file = await GetAsync(server.Factory.CreateClient(), "/exports/jobs/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, file.Status);
    }
}

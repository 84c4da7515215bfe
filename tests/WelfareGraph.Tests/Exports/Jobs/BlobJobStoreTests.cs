using System.Net;
using static WelfareGraph.Tests.Exports.ExportFiles;
using static WelfareGraph.Tests.Exports.Jobs.JobClient;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>
/// Job files in an Azure Blob Storage container (Azurite): two servers over one database and one container; the
/// blob exists only for a complete file, a cancelled job leaves none, and removing a job removes its blob.
/// </summary>
public sealed class BlobJobStoreTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task A_job_file_written_by_one_server_is_a_blob_the_other_serves()
    {
        using var database = await JobDatabase.SqliteAsync();
        var container = $"jobs-{Guid.NewGuid():N}";
        var settings = database.Settings(
            new Dictionary<string, string?> { ["Exports:JobStore"] = azurite.ConnectionString, ["Exports:JobContainer"] = container }
        );
        using var a = new JobServer(settings);
        using var b = new JobServer(settings);
        var expected = await database.ScalarAsync("SELECT COUNT(*) FROM contributions WHERE solar_year = 1403 AND NOT is_retracted");

        var id = await StartAsync(a.Client, Underlying());
        var status = await FinishedAsync(b.Client, id);
        Assert.Equal("succeeded", State(status));
        var file = await GetAsync(b.Client, status["downloadUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal(expected, Csv(file.Body).Rows.Count);

        var blobs = azurite.Container(container);
        var names = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync())
            names.Add(blob.Name);
        Assert.Equal([$"{id}.csv"], names);
        Assert.Equal(file.Body, (await blobs.GetBlobClient($"{id}.csv").DownloadContentAsync()).Value.Content.ToArray());
        Assert.Empty(Directory.GetFiles(database.Folder));

        // Cancelled mid-file: no blob.
        a.Gate.Arm();
        try
        {
            var cancelled = await StartAsync(a.Client, Underlying());
            await a.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));
            using (var cancel = await b.Client.DeleteAsync($"/exports/jobs/{cancelled}"))
                Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            Assert.Equal("cancelled", State(await FinishedAsync(b.Client, cancelled)));
            Assert.False(await blobs.GetBlobClient($"{cancelled}.csv").ExistsAsync());
        }
        finally
        {
            a.Gate.Release();
        }

        // Removed: the blob goes with the job.
        using (var removed = await a.Client.DeleteAsync($"/exports/jobs/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(await blobs.GetBlobClient($"{id}.csv").ExistsAsync());
    }
}

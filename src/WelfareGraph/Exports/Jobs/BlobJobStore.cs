using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Job files in an Azure Blob Storage container. A job writes to a temporary local file and uploads it whole
/// once complete, so a blob exists only for a whole file and an interrupted job leaves nothing in the container.
/// </summary>
public sealed class BlobJobStore(BlobContainerClient container) : IExportJobStore
{
    private readonly SemaphoreSlim _created = new(1, 1);
    private volatile bool _exists;

    public BlobContainerClient Container => container;

    public Task<IExportJobUpload> BeginAsync(string jobId, CancellationToken cancellationToken)
    {
        var temporary = new FileStream(
            Path.Combine(Path.GetTempPath(), $"welfaregraph-job-{jobId}-{Guid.NewGuid():N}.partial"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose
        );
        return Task.FromResult<IExportJobUpload>(new Upload(this, temporary));
    }

    public async Task<(Stream Content, long Length)?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(storedName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return (download.Value.Content, download.Value.Details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken) =>
        container.GetBlobClient(storedName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>A partial file is a local temporary file, deleted when closed: nothing was ever in the container.</summary>
    public Task DiscardPartialAsync(string jobId, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_exists)
            return;
        await _created.WaitAsync(cancellationToken);
        try
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }

    private sealed class Upload(BlobJobStore store, FileStream temporary) : IExportJobUpload
    {
        public Stream Content => temporary;

        public async Task CompleteAsync(string storedName, CancellationToken cancellationToken)
        {
            await temporary.FlushAsync(cancellationToken);
            temporary.Position = 0;
            await store.EnsureContainerAsync(cancellationToken);
            await store.Container.GetBlobClient(storedName).UploadAsync(temporary, overwrite: true, cancellationToken);
        }

        public ValueTask DisposeAsync() => temporary.DisposeAsync();
    }
}

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Job files in a folder every server mounts (a network share): a job writes <c>{id}.partial</c> and renames it
/// when it is complete; a rename within one folder is atomic, so a download finds the whole file or none.
/// </summary>
public sealed class FolderJobStore : IExportJobStore
{
    public FolderJobStore(string folder)
    {
        Folder = System.IO.Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public Task<IExportJobUpload> BeginAsync(string jobId, CancellationToken cancellationToken)
    {
        var partial = PartialPath(jobId);
        // Create, not CreateNew: a job taken over from a server that died starts its file again.
        var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return Task.FromResult<IExportJobUpload>(new Upload(this, partial, stream));
    }

    public Task<(Stream Content, long Length)?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(
                PathOf(storedName),
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                1 << 16,
                FileOptions.Asynchronous
            );
            return Task.FromResult<(Stream, long)?>((stream, stream.Length));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<(Stream, long)?>(null);
        }
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    public Task DiscardPartialAsync(string jobId, CancellationToken cancellationToken)
    {
        File.Delete(PartialPath(jobId));
        return Task.CompletedTask;
    }

    private string PartialPath(string jobId) => PathOf(jobId + ".partial");

    /// <summary>Names are the server's own (job id and extension), never the caller's: no path can leave the folder.</summary>
    private string PathOf(string name) => System.IO.Path.Combine(Folder, System.IO.Path.GetFileName(name));

    private sealed class Upload(FolderJobStore store, string partial, FileStream stream) : IExportJobUpload
    {
        private bool _completed;

        public Stream Content => stream;

        public async Task CompleteAsync(string storedName, CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            await stream.DisposeAsync();
            File.Move(partial, store.PathOf(storedName), overwrite: true);
            _completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_completed)
                File.Delete(partial);
        }
    }
}

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Where job files live, reachable from every server (<c>Exports:JobStore</c>): a file becomes visible under its
/// name only once it is whole, so no server ever offers half a file for download.
/// </summary>
public interface IExportJobStore
{
    /// <summary>Starts the file of a job; nothing is visible under its name until <see cref="IExportJobUpload.CompleteAsync"/>.</summary>
    Task<IExportJobUpload> BeginAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The complete file and its length, or null when it is not there (expired, or removed).</summary>
    Task<(Stream Content, long Length)?> OpenReadAsync(string storedName, CancellationToken cancellationToken);

    /// <summary>Removes a complete file; a file already gone is no error.</summary>
    Task DeleteAsync(string storedName, CancellationToken cancellationToken);

    /// <summary>Removes what a job's server left unfinished when it stopped.</summary>
    Task DiscardPartialAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>A job's file being written: disposed without completing, it leaves nothing behind.</summary>
public interface IExportJobUpload : IAsyncDisposable
{
    Stream Content { get; }

    /// <summary>Makes the written file visible under <paramref name="storedName"/>.</summary>
    Task CompleteAsync(string storedName, CancellationToken cancellationToken);
}

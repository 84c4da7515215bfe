using WelfareGraph.Exports.Formats;

namespace WelfareGraph.Exports.Jobs;

public enum ExportJobState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>
/// A job this server is running: its cancellation and the rows written so far (the database has them as of the last heartbeat).
/// </summary>
public sealed class ExportJob(string id)
{
    private readonly CancellationTokenSource _cancel = new();

    public string Id { get; } = id;
    public ExportProgress Progress { get; } = new();
    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>Another server holds the job now (this one missed its lease): this run stops and writes nothing more.</summary>
    public bool Lost { get; private set; }

    public void Cancel() => Cancel(lost: false);

    public void Cancel(bool lost)
    {
        Lost |= lost;
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile: nothing left to stop.
        }
    }

    public void Finished() => _cancel.Dispose();
}

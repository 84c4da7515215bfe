using System.Security.Claims;
using WelfareGraph.Exports.Formats;

namespace WelfareGraph.Exports.Jobs;

public enum ExportJobState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>One background export: whose it is, how far it got, and where its file is once it is complete.</summary>
public sealed class ExportJob(string id, string owner, ClaimsPrincipal user, ExportSpec spec, DateTimeOffset started)
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;
    public string Owner { get; } = owner;
    public ClaimsPrincipal User { get; } = user;
    public ExportSpec Spec { get; } = spec;
    public DateTimeOffset StartedAt { get; } = started;
    public ExportProgress Progress { get; } = new();

    public ExportJobState State { get; private set; } = ExportJobState.Running;
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? FileName { get; set; }
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }

    /// <summary>The complete file; set only once it has been renamed from its partial name.</summary>
    public string? FilePath { get; private set; }

    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>Completes when the job has finished one way or another (the file, if any, is in place).</summary>
    public Task Completion => _done.Task;

    public void Cancel() => _cancel.Cancel();

    internal void Succeed(string path, DateTimeOffset at) => Finish(ExportJobState.Succeeded, at, () => FilePath = path);

    internal void Fail(string code, string message, DateTimeOffset at) =>
        Finish(ExportJobState.Failed, at, () => (ErrorCode, Error) = (code, message));

    internal void Cancelled(DateTimeOffset at) => Finish(ExportJobState.Cancelled, at, () => { });

    private void Finish(ExportJobState state, DateTimeOffset at, Action set)
    {
        set();
        FinishedAt = at;
        State = state;
        _cancel.Dispose();
        _done.TrySetResult();
    }
}

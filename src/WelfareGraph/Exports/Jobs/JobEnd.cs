namespace WelfareGraph.Exports.Jobs;

/// <summary>How a job ended: its state, the rows it wrote, and its file (succeeded) or its error (failed).</summary>
internal sealed record JobEnd(ExportJobState State, long Rows, string? FileName, string? Stored, string? Code, string? Message)
{
    public static JobEnd Succeeded(long rows, string fileName, string stored) =>
        new(ExportJobState.Succeeded, rows, fileName, stored, null, null);

    public static JobEnd Cancelled(long rows) => new(ExportJobState.Cancelled, rows, null, null, null, null);

    public static JobEnd Failed(long rows, string code, string message) => new(ExportJobState.Failed, rows, null, null, code, message);
}

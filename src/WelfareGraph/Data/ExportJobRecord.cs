namespace WelfareGraph.Data;

/// <summary>
/// One background export as every server sees it: whose it is, what it was admitted with, what to run, how far
/// it got and which server holds it. The caller's roles and scope are the ones admitted at submission, and the
/// job runs with those (never with more), on whichever server runs it.
/// </summary>
public sealed class ExportJobRecord
{
    /// <summary>32 hex digits.</summary>
    public required string Id { get; set; }

    /// <summary>The caller's object id (<c>oid</c>, else <c>sub</c>): only this caller sees the job.</summary>
    public required string Owner { get; set; }

    /// <summary>The client application the caller's token was issued to.</summary>
    public string? Client { get; set; }

    /// <summary>The caller's WelfareGraph roles at submission, space-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>The caller's delegated permissions (<c>scp</c>) at submission, space-separated; empty for a service token.</summary>
    public required string Permissions { get; set; }

    /// <summary>The caller's <c>welfare_scope</c> codes at submission, normalised and space-separated (empty: no rows).</summary>
    public required string Scope { get; set; }

    /// <summary>The export request as submitted (JSON), run again by whichever server takes the job over.</summary>
    public required string Request { get; set; }

    /// <summary>The file's extension (<c>csv</c>, <c>xlsx</c>, <c>parquet</c>) and the export mode, for the status.</summary>
    public required string Format { get; set; }

    public required string Mode { get; set; }

    /// <summary><c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string State { get; set; }

    /// <summary>Rows written so far: updated with every heartbeat, final once the job has finished.</summary>
    public long RowsWritten { get; set; }

    /// <summary>The download's name (what the caller's browser saves).</summary>
    public string? FileName { get; set; }

    /// <summary>The complete file's name in the job store; set only once the whole file is there.</summary>
    public string? StoredName { get; set; }

    public string? Error { get; set; }
    public string? ErrorCode { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>UTC; null while running.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>The caller asked to cancel: the server holding the job stops it at its next heartbeat.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The server instance running the job; null when nobody does (it is free to take over).</summary>
    public string? Holder { get; set; }

    /// <summary>UTC. A running job whose lease has passed belongs to a server that stopped: another takes it over.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>How many times a server has started the job.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// While running, which of its owner's running-job places the job holds (0 to the limit less one). A unique
    /// index on owner and place makes the running-jobs limit hold across servers without a lock: two servers
    /// admitting the same caller's jobs at once cannot both take the last place. Null once finished.
    /// </summary>
    public int? RunningSlot { get; set; }
}

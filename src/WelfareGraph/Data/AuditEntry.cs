namespace WelfareGraph.Data;

/// <summary>
/// One operation or export someone ran: who, when, with which scope, what, and how many rows came back.
/// Never the variables, the values returned or the token: identifiers of the caller and of the document only.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The caller's object id (<c>oid</c>, else <c>sub</c>): a user or a service principal.</summary>
    public required string Subject { get; set; }

    /// <summary>The client application the token was issued to (<c>azp</c> or <c>appid</c>).</summary>
    public string? Client { get; set; }

    /// <summary>The caller's WelfareGraph roles, space-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>The scope the operation ran with (<c>IR</c>, <c>IR-19 IR-23-02</c>, <c>(none)</c>).</summary>
    public required string Scope { get; set; }

    /// <summary><c>query</c>, <c>mutation</c> or <c>export</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The operation's name, when it has one.</summary>
    public string? Operation { get; set; }

    /// <summary>The trusted document's id, or <c>sha256:&lt;hex&gt;</c> of the document sent.</summary>
    public required string Document { get; set; }

    /// <summary>The root fields (or the export) it asked for, space-separated.</summary>
    public required string Fields { get; set; }

    /// <summary>How many list items the result held: an approximation of the rows it returned.</summary>
    public int Rows { get; set; }

    /// <summary><c>ok</c>, <c>errors: CODE ...</c> or <c>timeout</c>.</summary>
    public required string Outcome { get; set; }

    public int DurationMs { get; set; }

    /// <summary>
    /// What the totals were summed from: <c>rollup</c>, <c>facts</c> or <c>facts+rollup</c>; null when no
    /// totals were read (or a cache answered).
    /// </summary>
    public string? Source { get; set; }
}

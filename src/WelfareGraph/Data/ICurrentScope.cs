namespace WelfareGraph.Data;

/// <summary>
/// The scope of whoever the current work is for. The database layer only reads it (every context a request
/// creates carries it); deciding it from the caller's token is the security layer's job.
/// </summary>
public interface ICurrentScope
{
    WelfareScope Current { get; }
}

namespace WelfareGraph.Ingestion;

/// <summary>A figure that changed since publication (late or corrected records).</summary>
public sealed record Correction(string Figure, long Published, long Current)
{
    public long Difference => Current - Published;
}

using WelfareGraph.Households;

namespace WelfareGraph.Ingestion;

/// <summary>A household as a national system sends it. Its national id never reaches the database.</summary>
public sealed record HouseholdRecord
{
    public string? NationalId { get; init; }
    public string? CountyCode { get; init; }
    public Benefit? Benefit { get; init; }
    public string? CoveredSince { get; init; }
    public string? CoveredUntil { get; init; }
    public ExitReason? ExitReason { get; init; }
    public int? Members { get; init; }
}

namespace WelfareGraph.Periods;

/// <summary>A province's Solar Hijri month closed for writing (after its figures were reported).</summary>
public sealed class ClosedPeriod
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateTime ClosedAt { get; set; }
    public required string ClosedBy { get; set; }
}

using WelfareGraph.Geography;

namespace WelfareGraph.Centers;

/// <summary>A care centre (مرکز نگهداری) where people covered by the organisation live.</summary>
public sealed class Center
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public CenterKind Kind { get; set; }
    public CenterOwnership Ownership { get; set; }
    public int Capacity { get; set; }
    public int Residents { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
}

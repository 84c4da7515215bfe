using WelfareGraph.Geography;

namespace WelfareGraph.Centers;

/// <summary>A care centre (مرکز نگهداری) where people covered by the organisation live.</summary>
public sealed class Center : CountyInstitution
{
    public CenterKind Kind { get; set; }
    public CenterOwnership Ownership { get; set; }
    public int Capacity { get; set; }
    public int Residents { get; set; }
}

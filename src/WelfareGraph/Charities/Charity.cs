using WelfareGraph.Geography;

namespace WelfareGraph.Charities;

/// <summary>A charity institution licensed by the welfare organisation (موسسه خیریه دارای مجوز).</summary>
public sealed class Charity : CountyInstitution
{
    public required string LicenceNo { get; set; }
}

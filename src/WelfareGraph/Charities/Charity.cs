using WelfareGraph.Geography;

namespace WelfareGraph.Charities;

/// <summary>A charity institution licensed by the welfare organisation (موسسه خیریه دارای مجوز).</summary>
public sealed class Charity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string LicenceNo { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
}

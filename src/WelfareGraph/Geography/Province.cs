namespace WelfareGraph.Geography;

public sealed class Province
{
    public int Id { get; set; }

    /// <summary>ISO 3166-2:IR code as renumbered in 2020, e.g. "IR-19" for Zanjan.</summary>
    public required string Code { get; set; }
    public required string NameFa { get; set; }
    public required string NameEn { get; set; }

    public List<County> Counties { get; set; } = [];
}

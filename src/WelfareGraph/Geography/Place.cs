namespace WelfareGraph.Geography;

/// <summary>A province or a county: found by its code, named in Persian and English.</summary>
public abstract class Place
{
    public int Id { get; set; }

    public required string Code { get; set; }
    public required string NameFa { get; set; }
    public required string NameEn { get; set; }
}

namespace WelfareGraph.Geography;

/// <summary>A province (استان); its code is ISO 3166-2:IR's as renumbered in 2020, e.g. "IR-19" for Zanjan.</summary>
public sealed class Province : Place
{
    public List<County> Counties { get; set; } = [];
}

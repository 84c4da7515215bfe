using WelfareGraph.Centers;
using WelfareGraph.Charities;

namespace WelfareGraph.Geography;

/// <summary>A county (شهرستان); its code is the province's code plus a two-digit county number, e.g. "IR-19-01".</summary>
public sealed class County : Place
{
    public int ProvinceId { get; set; }
    public Province Province { get; set; } = null!;

    /// <summary>All households living in the county, covered or not: the denominator of coverage rates.</summary>
    public int TotalHouseholds { get; set; }

    public List<Center> Centers { get; set; } = [];
    public List<Charity> Charities { get; set; } = [];
}

using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;

namespace WelfareGraph.Data.Generation;

/// <summary>
/// The rows a spec produced, linked by navigation properties (County, Center, Charity) rather than ids,
/// so tests can compute expected figures over them with plain LINQ, independently of the server.
/// </summary>
public sealed class GeneratedDataSet
{
    public required DataSetSpec Spec { get; init; }
    public List<County> Counties { get; } = [];
    public List<Charity> Charities { get; } = [];
    public List<Center> Centers { get; } = [];
    public List<Household> Households { get; } = [];
    public List<Contribution> Contributions { get; } = [];

    /// <summary>Province code of a county (counties carry only a ProvinceId until saved).</summary>
    public static string ProvinceCodeOf(County county) => county.Code[..5];
}

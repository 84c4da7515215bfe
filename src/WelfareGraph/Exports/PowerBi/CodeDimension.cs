using WelfareGraph.Labels;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>The rows of a code dimension: every value of an enum with its API code, its labels and its sort order.</summary>
internal static class CodeDimension
{
    public static IEnumerable<(string Code, string Fa, string En, int Order)> Of<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (EnumNames<T>.Of(v), EnumLabels.Fa(v), EnumLabels.En(v), Convert.ToInt32(v)));
}

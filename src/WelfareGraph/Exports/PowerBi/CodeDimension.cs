using WelfareGraph.Labels;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>A row of a code dimension: an enum value's labels and sort order, beside its code in a key of its own name.</summary>
public interface ICodeDim
{
    string NameFa { get; set; }
    string NameEn { get; set; }
    int SortOrder { get; set; }
}

/// <summary>The rows of a code dimension: every value of an enum with its API code, its labels and its sort order.</summary>
internal static class CodeDimension
{
    /// <param name="setCode">
    /// Sets the dimension's key: each has its own name (Type, Sector, …) so that Power BI relates it to the fact by name.
    /// </param>
    public static IReadOnlyList<TDim> Of<TEnum, TDim>(Action<TDim, string> setCode)
        where TEnum : struct, Enum
        where TDim : ICodeDim, new() =>
        Enum.GetValues<TEnum>()
            .Select(value =>
            {
                var row = new TDim
                {
                    NameFa = EnumLabels.Fa(value),
                    NameEn = EnumLabels.En(value),
                    SortOrder = Convert.ToInt32(value),
                };
                setCode(row, EnumNames<TEnum>.Of(value));
                return row;
            })
            .ToList();
}

namespace WelfareGraph.Data;

/// <summary>
/// The rows one DbContext may read and write, as database ids: the scope filters (<see cref="ScopeFilters"/>)
/// compare foreign keys with these arrays, so a scoped query needs no join to find out where a row belongs.
/// A scope is made once per request from the caller's <c>welfare_scope</c> claim (see Security/CallerScopes),
/// or is <see cref="System"/> for work the server does for itself, or <see cref="Nothing"/> (the default).
/// </summary>
public sealed class WelfareScope
{
    /// <summary>Sees and writes nothing: what a context gets when nobody said who it works for.</summary>
    public static readonly WelfareScope Nothing = new(false, [], [], [], [], "(none)");

    /// <summary>The server's own work outside any request (migrations, demo data, generated data sets).</summary>
    public static readonly WelfareScope System = new(true, [], [], [], ["IR"], "(system)");

    /// <summary>A caller with national scope (<c>IR</c>).</summary>
    public static readonly WelfareScope National = new(true, [], [], [], ["IR"], "IR");

    private WelfareScope(
        bool isNational,
        int[] countyIds,
        int[] provinceIds,
        int[] wholeProvinceIds,
        IReadOnlyList<string> codes,
        string description
    )
    {
        IsNational = isNational;
        CountyIds = countyIds;
        ProvinceIds = provinceIds;
        WholeProvinceIds = wholeProvinceIds;
        Codes = codes;
        Description = description;
    }

    /// <summary>Every row of every province.</summary>
    public bool IsNational { get; }

    /// <summary>The counties whose rows (contributions, households, centres, charities, the county itself) are in scope.</summary>
    public int[] CountyIds { get; }

    /// <summary>Provinces the scope touches: a county scope shows its province's row, with only its own counties under it.</summary>
    public int[] ProvinceIds { get; }

    /// <summary>Provinces wholly in scope: only there may a caller add counties.</summary>
    public int[] WholeProvinceIds { get; }

    /// <summary>The codes the scope was made from (<c>IR</c>, <c>IR-19</c>, <c>IR-19-03</c>).</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>For the audit log and the structured log: the codes, space-separated.</summary>
    public string Description { get; }

    public bool ContainsCounty(int countyId) => IsNational || Array.IndexOf(CountyIds, countyId) >= 0;

    public bool ContainsWholeProvince(int provinceId) => IsNational || Array.IndexOf(WholeProvinceIds, provinceId) >= 0;

    /// <summary>A regional scope, resolved to ids; an empty one (codes that name nothing) sees nothing.</summary>
    public static WelfareScope Regional(
        IReadOnlyList<string> codes,
        IEnumerable<int> countyIds,
        IEnumerable<int> provinceIds,
        IEnumerable<int> wholeProvinceIds
    ) =>
        new(
            false,
            [.. countyIds.Distinct().Order()],
            [.. provinceIds.Distinct().Order()],
            [.. wholeProvinceIds.Distinct().Order()],
            codes,
            codes.Count == 0 ? "(none)" : string.Join(' ', codes)
        );

    public override string ToString() => Description;
}

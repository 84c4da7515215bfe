using WelfareGraph.Data;

namespace WelfareGraph.Exports;

/// <summary>
/// The places and institutions a scoped context can see, by id: a few hundred rows at most, read once per
/// export so that fact rows carry ids only (the database sends less, and no name is materialised per row).
/// </summary>
public sealed record Places(
    IReadOnlyDictionary<int, Places.ProvinceInfo> Provinces,
    IReadOnlyDictionary<int, Places.CountyInfo> Counties,
    IReadOnlyDictionary<int, Places.NamedInfo> Centers,
    IReadOnlyDictionary<int, Places.NamedInfo> Charities
)
{
    public sealed record ProvinceInfo(string Code, string NameFa, string NameEn);

    public sealed record CountyInfo(string Code, string NameFa, string NameEn, int ProvinceId);

    public sealed record NamedInfo(string Code, string Name, int CountyId);

    /// <summary>A county and its province, by the county's id; nulls for a county the scope does not show.</summary>
    public (ProvinceInfo? Province, CountyInfo? County) OfCounty(int countyId) =>
        Counties.GetValueOrDefault(countyId) is { } county ? (Provinces.GetValueOrDefault(county.ProvinceId), county) : (null, null);

    /// <summary>The columns that name a row's province and county, in the order <see cref="Of"/> writes them.</summary>
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("province.code", ColumnKind.Text),
        new("province.nameFa", ColumnKind.Text),
        new("province.nameEn", ColumnKind.Text),
        new("county.code", ColumnKind.Text),
        new("county.nameFa", ColumnKind.Text),
        new("county.nameEn", ColumnKind.Text),
    ];

    /// <summary>The values of <see cref="Columns"/> for a county.</summary>
    public object?[] Of(int countyId)
    {
        var (province, county) = OfCounty(countyId);
        return [province?.Code, province?.NameFa, province?.NameEn, county?.Code, county?.NameFa, county?.NameEn];
    }

    /// <param name="withInstitutions">Also the centres and charities (contribution rows name them; other rows do not).</param>
    public static async Task<Places> LoadAsync(WelfareDbContext db, CancellationToken cancellationToken, bool withInstitutions = false) =>
        new(
            await db
                .Provinces.AsNoTracking()
                .ToDictionaryAsync(p => p.Id, p => new ProvinceInfo(p.Code, p.NameFa, p.NameEn), cancellationToken),
            await db
                .Counties.AsNoTracking()
                .ToDictionaryAsync(c => c.Id, c => new CountyInfo(c.Code, c.NameFa, c.NameEn, c.ProvinceId), cancellationToken),
            withInstitutions
                ? await db
                    .Centers.AsNoTracking()
                    .ToDictionaryAsync(c => c.Id, c => new NamedInfo(c.Code, c.Name, c.CountyId), cancellationToken)
                : NoInstitutions,
            withInstitutions
                ? await db
                    .Charities.AsNoTracking()
                    .ToDictionaryAsync(c => c.Id, c => new NamedInfo(c.Code, c.Name, c.CountyId), cancellationToken)
                : NoInstitutions
        );

    private static readonly IReadOnlyDictionary<int, NamedInfo> NoInstitutions = new Dictionary<int, NamedInfo>();
}

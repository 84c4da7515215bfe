using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// The counties a batch names, read in one query through the system context — it sees every county, so an unknown
/// county and one outside the caller's scope get different answers — and the one check every kind of record
/// (contributions, households, centres, charities) goes through.
/// </summary>
internal sealed class CountyLookup(Dictionary<string, (int Id, int ProvinceId)> counties, WelfareScope scope)
{
    public static async Task<CountyLookup> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        IEnumerable<string?> codes,
        CancellationToken cancellationToken
    )
    {
        var list = codes.Select(RecordFields.Clean).OfType<string>().Distinct().ToList();
        return new(
            await system
                .Counties.Where(c => list.Contains(c.Code))
                .ToDictionaryAsync(c => c.Code, c => (c.Id, c.ProvinceId), cancellationToken),
            scope
        );
    }

    public IEnumerable<int> ProvinceIds => counties.Values.Select(c => c.ProvinceId).Distinct();

    /// <summary>
    /// The county a record names, or null once <paramref name="error"/> has been told why (missing, unknown, outside the scope).
    /// </summary>
    public (int Id, int ProvinceId)? Find(string? text, Action<string, string, string> error)
    {
        if (RecordFields.Clean(text) is not { } code)
            error("countyCode", IngestionCodes.Required, "countyCode is required.");
        else if (!counties.TryGetValue(code, out var county))
            error("countyCode", IngestionCodes.UnknownCounty, $"There is no county with code '{code}'.");
        else if (!scope.ContainsCounty(county.Id))
            error("countyCode", IngestionCodes.OutOfScope, $"County {code} is outside your scope ({scope}).");
        else
            return county;
        return null;
    }
}

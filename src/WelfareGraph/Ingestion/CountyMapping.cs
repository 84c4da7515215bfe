using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Geography;

namespace WelfareGraph.Ingestion;

/// <summary>Counties with their all-households counts, keyed by code (so provinces beyond the demo can be loaded).</summary>
public sealed class CountyMapping() : ReferenceMapping<CountyRecord, County>(r => r.Code, c => c.Code)
{
    public override ComparedFields<County> Fields { get; } = new(c => c.NameFa, c => c.NameEn, c => c.ProvinceId, c => c.TotalHouseholds);

    public override FeedEntry? FeedEntry(County row, ChangeKind kind) => Feed(FeedEntity.County, row, kind, row.Id);

    /// <summary>A county names its province, which must exist.</summary>
    protected override async Task<IRecordValidator<CountyRecord, County>> ValidatorAsync(ReferenceLoad<CountyRecord> load)
    {
        var codes = load.Records.Select(r => r.ProvinceCode).Distinct().ToList();
        var provinces = load.System.Provinces.Where(p => codes.Contains(p.Code));
        return new Validator(await provinces.ToDictionaryAsync(p => p.Code, p => p.Id, load.CancellationToken));
    }

    protected override IQueryable<County> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes) =>
        db.Counties.Where(c => codes.Contains(c.Code));

    protected override IQueryable<StoredPlace> PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes) =>
        Rows(system, codes).Select(c => new StoredPlace(c.Code, c.Id));

    private sealed class Validator(Dictionary<string, int> provinces) : IRecordValidator<CountyRecord, County>
    {
        public County? Validate(CountyRecord record, Action<string, string, string> error)
        {
            if (!provinces.TryGetValue(record.ProvinceCode, out var provinceId))
                error("provinceCode", IngestionCodes.UnknownProvince, $"There is no province with code '{record.ProvinceCode}'.");
            else if (!record.Code.StartsWith(record.ProvinceCode + "-", StringComparison.Ordinal))
                error("code", IngestionCodes.InvalidValue, $"A county code starts with its province's code: {record.ProvinceCode}-NN.");
            else if (record.TotalHouseholds < 0)
                error("totalHouseholds", IngestionCodes.InvalidValue, "totalHouseholds must not be negative.");
            else
                return new County
                {
                    Code = record.Code,
                    NameFa = record.NameFa,
                    NameEn = record.NameEn,
                    ProvinceId = provinceId,
                    TotalHouseholds = record.TotalHouseholds,
                };
            return null;
        }
    }
}

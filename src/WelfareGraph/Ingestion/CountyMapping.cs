using Microsoft.EntityFrameworkCore;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Geography;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>Counties with their all-households counts, keyed by code (so provinces beyond the demo can be loaded).</summary>
public sealed class CountyMapping : ReferenceMapping<CountyRecord, County>
{
    protected override string CodeOf(CountyRecord record) => record.Code;

    protected override string CodeOf(County row) => row.Code;

    public override async Task<IRecordValidator<CountyRecord, County>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<CountyRecord> records,
        CancellationToken cancellationToken
    )
    {
        var codes = records.Select(r => r.ProvinceCode).Distinct().ToList();
        return new Validator(
            await system.Provinces.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken)
        );
    }

    public override IQueryable<County> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db.Counties.Where(c => keys.Contains(c.Code));

    public override IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        Stored(system, sourceSystem, keys).Select(c => new StoredPlace(c.Code, c.Id));

    public override ComparedFields<County> Fields { get; } =
        new(
            ComparedField<County>.Of(c => c.NameFa, (c, v) => c.NameFa = v),
            ComparedField<County>.Of(c => c.NameEn, (c, v) => c.NameEn = v),
            ComparedField<County>.Of(c => c.ProvinceId, (c, v) => c.ProvinceId = v),
            ComparedField<County>.Of(c => c.TotalHouseholds, (c, v) => c.TotalHouseholds = v)
        );

    public override FeedEntry? FeedEntry(County row, ChangeKind kind) =>
        new()
        {
            Entity = FeedEntity.County,
            Kind = kind,
            SourceSystem = ReferenceSource.Name,
            Key = row.Code,
            CountyId = row.Id,
        };

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

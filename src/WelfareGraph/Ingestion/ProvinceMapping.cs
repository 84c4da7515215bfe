using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Geography;

namespace WelfareGraph.Ingestion;

/// <summary>Province names, keyed by code. The 31 provinces are fixed: an unknown code is refused, never inserted.</summary>
public sealed class ProvinceMapping() : ReferenceMapping<ProvinceRecord, Province>(r => r.Code, p => p.Code)
{
    public override ComparedFields<Province> Fields { get; } = new(p => p.NameFa, p => p.NameEn);

    // A province belongs to no one county, and the feed is scoped by county: no feed follows provinces.
    public override FeedEntry? FeedEntry(Province row, ChangeKind kind) => null;

    /// <summary>Only the 31 provinces exist: the validator knows which of the sent codes are theirs.</summary>
    protected override async Task<IRecordValidator<ProvinceRecord, Province>> ValidatorAsync(ReferenceLoad<ProvinceRecord> load)
    {
        var codes = load.Records.Select(r => r.Code).Distinct().ToList();
        var known = load.System.Provinces.Where(p => codes.Contains(p.Code)).Select(p => p.Code);
        return new Validator((await known.ToListAsync(load.CancellationToken)).ToHashSet());
    }

    protected override IQueryable<Province> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes) =>
        db.Provinces.Where(p => codes.Contains(p.Code));

    // National reference data: the context's write guard refuses any change to a province below national scope.
    protected override IQueryable<StoredPlace>? PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes) => null;

    private sealed class Validator(HashSet<string> known) : IRecordValidator<ProvinceRecord, Province>
    {
        public Province? Validate(ProvinceRecord record, Action<string, string, string> error)
        {
            if (known.Contains(record.Code))
                return new Province
                {
                    Code = record.Code,
                    NameFa = record.NameFa,
                    NameEn = record.NameEn,
                };
            error("code", IngestionCodes.UnknownProvince, $"'{record.Code}' is not one of the 31 province codes (ISO 3166-2:IR).");
            return null;
        }
    }
}

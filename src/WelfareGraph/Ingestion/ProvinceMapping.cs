using Microsoft.EntityFrameworkCore;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Geography;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>Province names, keyed by code. The 31 provinces are fixed: an unknown code is refused, never inserted.</summary>
public sealed class ProvinceMapping : ReferenceMapping<ProvinceRecord, Province>
{
    protected override string CodeOf(ProvinceRecord record) => record.Code;

    protected override string CodeOf(Province row) => row.Code;

    public override async Task<IRecordValidator<ProvinceRecord, Province>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<ProvinceRecord> records,
        CancellationToken cancellationToken
    )
    {
        var codes = records.Select(r => r.Code).Distinct().ToList();
        return new Validator(
            (await system.Provinces.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet()
        );
    }

    public override IQueryable<Province> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db.Provinces.Where(p => keys.Contains(p.Code));

    // National reference data: the context's write guard refuses any change to a province below national scope.
    public override IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) => null;

    public override ComparedFields<Province> Fields { get; } =
        new(
            ComparedField<Province>.Of(p => p.NameFa, (p, v) => p.NameFa = v),
            ComparedField<Province>.Of(p => p.NameEn, (p, v) => p.NameEn = v)
        );

    // A province belongs to no one county, and the feed is scoped by county: no feed follows provinces.
    public override FeedEntry? FeedEntry(Province row, ChangeKind kind) => null;

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

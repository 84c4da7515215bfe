using WelfareGraph.ChangeFeed;
using WelfareGraph.Charities;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>Licensed charities, keyed by code, in a county of the caller's scope.</summary>
public sealed class CharityMapping : ReferenceMapping<CharityRecord, Charity>
{
    protected override string CodeOf(CharityRecord record) => record.Code;

    protected override string CodeOf(Charity row) => row.Code;

    public override async Task<IRecordValidator<CharityRecord, Charity>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<CharityRecord> records,
        CancellationToken cancellationToken
    ) => new Validator(await CountyLookup.LoadAsync(system, scope, records.Select(r => r.CountyCode), cancellationToken));

    public override IQueryable<Charity> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db.Charities.Where(c => keys.Contains(c.Code));

    public override IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        Stored(system, sourceSystem, keys).Select(c => new StoredPlace(c.Code, c.CountyId));

    public override ComparedFields<Charity> Fields { get; } =
        new(
            ComparedField<Charity>.Of(c => c.Name, (c, v) => c.Name = v),
            ComparedField<Charity>.Of(c => c.NameEn, (c, v) => c.NameEn = v),
            ComparedField<Charity>.Of(c => c.CountyId, (c, v) => c.CountyId = v),
            ComparedField<Charity>.Of(c => c.LicenceNo, (c, v) => c.LicenceNo = v)
        );

    public override FeedEntry? FeedEntry(Charity row, ChangeKind kind) =>
        new()
        {
            Entity = FeedEntity.Charity,
            Kind = kind,
            SourceSystem = ReferenceSource.Name,
            Key = row.Code,
            CountyId = row.CountyId,
        };

    private sealed class Validator(CountyLookup counties) : IRecordValidator<CharityRecord, Charity>
    {
        public Charity? Validate(CharityRecord record, Action<string, string, string> error) =>
            counties.Find(record.CountyCode, error) is { Id: var countyId }
                ? new Charity
                {
                    Code = record.Code,
                    Name = record.Name,
                    NameEn = record.NameEn,
                    CountyId = countyId,
                    LicenceNo = record.LicenceNo,
                }
                : null;
    }
}

using WelfareGraph.Centers;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>Care centres, keyed by code, in a county of the caller's scope.</summary>
public sealed class CenterMapping : ReferenceMapping<CenterRecord, Center>
{
    protected override string CodeOf(CenterRecord record) => record.Code;

    protected override string CodeOf(Center row) => row.Code;

    public override async Task<IRecordValidator<CenterRecord, Center>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<CenterRecord> records,
        CancellationToken cancellationToken
    ) => new Validator(await CountyLookup.LoadAsync(system, scope, records.Select(r => r.CountyCode), cancellationToken));

    public override IQueryable<Center> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db.Centers.Where(c => keys.Contains(c.Code));

    public override IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        Stored(system, sourceSystem, keys).Select(c => new StoredPlace(c.Code, c.CountyId));

    public override ComparedFields<Center> Fields { get; } =
        new(
            ComparedField<Center>.Of(c => c.Name, (c, v) => c.Name = v),
            ComparedField<Center>.Of(c => c.NameEn, (c, v) => c.NameEn = v),
            ComparedField<Center>.Of(c => c.CountyId, (c, v) => c.CountyId = v),
            ComparedField<Center>.Of(c => c.Kind, (c, v) => c.Kind = v),
            ComparedField<Center>.Of(c => c.Ownership, (c, v) => c.Ownership = v),
            ComparedField<Center>.Of(c => c.Capacity, (c, v) => c.Capacity = v),
            ComparedField<Center>.Of(c => c.Residents, (c, v) => c.Residents = v)
        );

    public override FeedEntry? FeedEntry(Center row, ChangeKind kind) =>
        new()
        {
            Entity = FeedEntity.Center,
            Kind = kind,
            SourceSystem = ReferenceSource.Name,
            Key = row.Code,
            CountyId = row.CountyId,
        };

    private sealed class Validator(CountyLookup counties) : IRecordValidator<CenterRecord, Center>
    {
        public Center? Validate(CenterRecord record, Action<string, string, string> error)
        {
            if (counties.Find(record.CountyCode, error) is not { Id: var countyId })
                return null;
            if (record.Capacity < 0 || record.Residents < 0)
            {
                error("capacity", IngestionCodes.InvalidValue, "capacity and residents must not be negative.");
                return null;
            }
            return new Center
            {
                Code = record.Code,
                Name = record.Name,
                NameEn = record.NameEn,
                CountyId = countyId,
                Kind = record.Kind,
                Ownership = record.Ownership,
                Capacity = record.Capacity,
                Residents = record.Residents,
            };
        }
    }
}

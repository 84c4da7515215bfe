using WelfareGraph.Centers;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>Care centres, keyed by code, in a county of the caller's scope.</summary>
public sealed class CenterMapping() : ReferenceMapping<CenterRecord, Center>(r => r.Code, c => c.Code)
{
    public override ComparedFields<Center> Fields { get; } =
        new(c => c.Name, c => c.NameEn, c => c.CountyId, c => c.Kind, c => c.Ownership, c => c.Capacity, c => c.Residents);

    public override FeedEntry? FeedEntry(Center row, ChangeKind kind) => Feed(FeedEntity.Center, row, kind, row.CountyId);

    protected override async Task<IRecordValidator<CenterRecord, Center>> ValidatorAsync(ReferenceLoad<CenterRecord> load) =>
        new Validator(await load.CountiesAsync(r => r.CountyCode));

    protected override IQueryable<Center> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes) =>
        db.Centers.Where(c => codes.Contains(c.Code));

    protected override IQueryable<StoredPlace> PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes) =>
        Rows(system, codes).Select(c => new StoredPlace(c.Code, c.CountyId));

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

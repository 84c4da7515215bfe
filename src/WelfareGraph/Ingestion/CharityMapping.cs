using WelfareGraph.ChangeFeed;
using WelfareGraph.Charities;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>Licensed charities, keyed by code, in a county of the caller's scope.</summary>
public sealed class CharityMapping() : ReferenceMapping<CharityRecord, Charity>(r => r.Code, c => c.Code)
{
    public override ComparedFields<Charity> Fields { get; } = new(c => c.Name, c => c.NameEn, c => c.CountyId, c => c.LicenceNo);

    public override FeedEntry? FeedEntry(Charity row, ChangeKind kind) => Feed(FeedEntity.Charity, row, kind, row.CountyId);

    protected override async Task<IRecordValidator<CharityRecord, Charity>> ValidatorAsync(ReferenceLoad<CharityRecord> load) =>
        new Validator(await load.CountiesAsync(r => r.CountyCode));

    protected override IQueryable<Charity> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes) =>
        db.Charities.Where(c => codes.Contains(c.Code));

    protected override IQueryable<StoredPlace> PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes) =>
        Rows(system, codes).Select(c => new StoredPlace(c.Code, c.CountyId));

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

using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Geography;

namespace WelfareGraph.Ingestion;

/// <summary>
/// What centres and charities share as reference kinds: each lives in a county of the caller's scope, which its
/// record names by code, and its change-feed entry is placed in that county. A kind says only how a record whose
/// county was found becomes a row.
/// </summary>
public abstract class InstitutionMapping<TRecord, TEntity>(
    FeedEntity feed,
    Func<TRecord, string> recordCode,
    Func<TRecord, string> countyCode
) : ReferenceMapping<TRecord, TEntity>(recordCode, i => i.Code)
    where TEntity : CountyInstitution
{
    public override FeedEntry? FeedEntry(TEntity row, ChangeKind kind) => Feed(feed, row, kind, row.CountyId);

    /// <summary>The row for a record in the county of that id, or null after reporting what is wrong with it.</summary>
    protected abstract TEntity? Create(TRecord record, int countyId, Action<string, string, string> error);

    protected override async Task<IRecordValidator<TRecord, TEntity>> ValidatorAsync(ReferenceLoad<TRecord> load) =>
        new Validator(this, countyCode, await load.CountiesAsync(countyCode));

    protected override IQueryable<TEntity> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes) =>
        db.Set<TEntity>().Where(i => codes.Contains(i.Code));

    protected override IQueryable<StoredPlace> PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes) =>
        Rows(system, codes).Select(i => new StoredPlace(i.Code, i.CountyId));

    private sealed class Validator(InstitutionMapping<TRecord, TEntity> mapping, Func<TRecord, string> countyCode, CountyLookup counties)
        : IRecordValidator<TRecord, TEntity>
    {
        public TEntity? Validate(TRecord record, Action<string, string, string> error) =>
            counties.Find(countyCode(record), error) is { Id: var countyId } ? mapping.Create(record, countyId, error) : null;
    }
}

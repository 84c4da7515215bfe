using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>
/// What the reference kinds (provinces, counties, centres, charities) share: each is keyed by its code, names it in
/// its errors, has no sending system of its own (<see cref="ReferenceSource"/>), and is written row by row through the
/// tracked context, whose write guard checks every change. A kind says how to read its rows by code, how to validate
/// a record, which fields it compares and which feed (if any) follows it.
/// </summary>
public abstract class ReferenceMapping<TRecord, TEntity>(Func<TRecord, string> recordCode, Func<TEntity, string> rowCode)
    : IBatchMapping<TRecord, TEntity>
    where TEntity : class
{
    public string? ErrorKey(TRecord record) => recordCode(record);

    public string Key(TEntity row) => rowCode(row);

    public (string Field, string Message) Duplicate(TEntity row) =>
        ("code", $"code '{rowCode(row)}' appears more than once in this batch.");

    public (string Field, string Message) OutOfScope(TEntity row, WelfareScope scope) =>
        ("code", $"'{rowCode(row)}' is already stored for a county outside your scope ({scope}).");

    public bool BulkInsert => false;

    public Task<IRecordValidator<TRecord, TEntity>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<TRecord> records,
        CancellationToken cancellationToken
    ) => ValidatorAsync(new ReferenceLoad<TRecord>(system, scope, records, cancellationToken));

    public IQueryable<TEntity> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) => Rows(db, keys);

    public IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        PlacesOf(system, keys);

    public abstract ComparedFields<TEntity> Fields { get; }

    public abstract FeedEntry? FeedEntry(TEntity row, ChangeKind kind);

    /// <summary>Loads what the batch's records name and returns their validator.</summary>
    protected abstract Task<IRecordValidator<TRecord, TEntity>> ValidatorAsync(ReferenceLoad<TRecord> load);

    /// <summary>Stored rows with these codes.</summary>
    protected abstract IQueryable<TEntity> Rows(WelfareDbContext db, IReadOnlyCollection<string> codes);

    /// <summary>The counties stored rows with these codes belong to; null for national reference data.</summary>
    protected abstract IQueryable<StoredPlace>? PlacesOf(WelfareDbContext system, IReadOnlyCollection<string> codes);

    /// <summary>A reference row's change-feed entry: keyed by its code, in its county.</summary>
    protected FeedEntry Feed(FeedEntity entity, TEntity row, ChangeKind kind, int countyId) =>
        ChangeFeed.FeedEntry.Of(entity, kind, ReferenceSource.Name, rowCode(row), countyId);
}

/// <summary>A reference batch's records, and where their validator reads what they name.</summary>
public sealed record ReferenceLoad<TRecord>(
    WelfareDbContext System,
    WelfareScope Scope,
    IReadOnlyList<TRecord> Records,
    CancellationToken CancellationToken
)
{
    /// <summary>The counties the records name, for kinds that live in a county (centres, charities).</summary>
    internal Task<CountyLookup> CountiesAsync(Func<TRecord, string> countyCode) =>
        CountyLookup.LoadAsync(System, Scope, Records.Select(countyCode), CancellationToken);
}

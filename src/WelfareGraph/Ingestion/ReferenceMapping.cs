using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>
/// What the reference kinds (provinces, counties, centres, charities) share: each is keyed by its code, names it in
/// its errors, and is written row by row through the tracked context, whose write guard checks every change.
/// </summary>
public abstract class ReferenceMapping<TRecord, TEntity> : IBatchMapping<TRecord, TEntity>
    where TEntity : class
{
    protected abstract string CodeOf(TRecord record);

    protected abstract string CodeOf(TEntity row);

    public string? ErrorKey(TRecord record) => CodeOf(record);

    public string Key(TEntity row) => CodeOf(row);

    public (string Field, string Message) Duplicate(TEntity row) => ("code", $"code '{CodeOf(row)}' appears more than once in this batch.");

    public (string Field, string Message) OutOfScope(TEntity row, WelfareScope scope) =>
        ("code", $"'{CodeOf(row)}' is already stored for a county outside your scope ({scope}).");

    public bool BulkInsert => false;

    public abstract Task<IRecordValidator<TRecord, TEntity>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<TRecord> records,
        CancellationToken cancellationToken
    );

    public abstract IQueryable<TEntity> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys);

    public abstract IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys);

    public abstract ComparedFields<TEntity> Fields { get; }

    public abstract FeedEntry? FeedEntry(TEntity row, ChangeKind kind);
}

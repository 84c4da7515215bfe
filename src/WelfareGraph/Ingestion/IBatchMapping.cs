using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// What one kind of record brings to <see cref="BatchWriter"/>: its key, how to find stored rows, its validation,
/// its compared fields and its change-feed entry. Everything else — batch limits, duplicates, scope, all-or-nothing,
/// retries, dry run, feed stamping, counts — is the writer's, the same for every kind.
/// </summary>
public interface IBatchMapping<TRecord, TEntity>
    where TEntity : class
{
    /// <summary>The record's key as errors name it (null where the key must not be shown, as a national id).</summary>
    string? ErrorKey(TRecord record);

    /// <summary>The stored key of a valid row.</summary>
    string Key(TEntity row);

    /// <summary>The field and message of a second item with the same key in one batch.</summary>
    (string Field, string Message) Duplicate(TEntity row);

    /// <summary>The field and message of an item whose key is stored outside the caller's scope.</summary>
    (string Field, string Message) OutOfScope(TEntity row, WelfareScope scope);

    /// <summary>Loads the reference data the batch names (through <paramref name="system"/>, which sees every county).</summary>
    Task<IRecordValidator<TRecord, TEntity>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<TRecord> records,
        CancellationToken cancellationToken
    );

    /// <summary>Stored rows with these keys (retracted ones included: a resend finds them rather than inserting a twin).</summary>
    IQueryable<TEntity> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys);

    /// <summary>
    /// Where stored rows with these keys live; null for national reference data, which the context's write guard refuses outright.
    /// </summary>
    IQueryable<StoredPlace>? Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys);

    /// <summary>The fields a resend is compared on and an update copies.</summary>
    ComparedFields<TEntity> Fields { get; }

    /// <summary>
    /// Many rows go through the provider's bulk path (validated for scope above); few go through the tracked context and its write guard.
    /// </summary>
    bool BulkInsert { get; }

    /// <summary>
    /// The row's change-feed entry, built after the row is written (so a new row's id is known); null for a kind no feed follows.
    /// </summary>
    FeedEntry? FeedEntry(TEntity row, ChangeKind kind);

    /// <summary>
    /// Starts the maintenance of the rollups this kind of record feeds, as the first step of the write's transaction
    /// (it may take the writers' lock); null for a kind no rollup sums.
    /// </summary>
    Task<IRollupChanges<TEntity>?> BeginRollupsAsync(WelfareDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IRollupChanges<TEntity>?>(null);
}

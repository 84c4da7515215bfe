using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Ingestion;

/// <summary>
/// The one batch upsert every kind of record goes through: batch limits, validation, duplicates within the batch,
/// keys stored outside the caller's scope, all-or-nothing, change detection, one transaction retried on conflicts,
/// a dry run that rolls back, change-feed stamping before commit, and the counts. A resent batch changes nothing;
/// a failed batch writes nothing.
/// </summary>
public sealed class BatchWriter(IngestionOptions options, IChangeFeedStamper stamper, DataVersionClock versions, WelfareMetrics metrics)
{
    /// <param name="db">A context with the caller's scope; reference data is read through <paramref name="system"/>.</param>
    public async Task<UpsertResult> UpsertAsync<TRecord, TEntity>(
        IBatchMapping<TRecord, TEntity> mapping,
        WelfareDbContext db,
        WelfareDbContext system,
        UpsertBatch<TRecord> batch,
        CancellationToken cancellationToken
    )
        where TEntity : class
    {
        var (source, records, atomic, dryRun) = batch;
        if (UpsertResult.RefusedBatch(records.Count, options.MaxBatchSize, source, dryRun) is { } refused)
            return Counted<TEntity>(refused);

        var validator = await mapping.LoadAsync(system, db.Scope, source, records, cancellationToken);
        var errors = new List<IngestionError>();
        var valid = new Dictionary<string, (int Index, TEntity Row)>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var index = i;
            var key = mapping.ErrorKey(records[i]);
            var before = errors.Count;
            var row = validator.Validate(
                records[i],
                (field, code, message) => errors.Add(new IngestionError(index, key, field, code, message))
            );
            if (row is null || errors.Count > before)
                continue;
            if (!valid.TryAdd(mapping.Key(row), (i, row)))
            {
                var (field, message) = mapping.Duplicate(row);
                errors.Add(new IngestionError(i, key, field, IngestionCodes.DuplicateExternalId, message));
            }
        }
        foreach (var hidden in await StoredOutsideScopeAsync(mapping, system, db, source, valid.Keys, cancellationToken))
        {
            var (index, row) = valid[hidden];
            var (field, message) = mapping.OutOfScope(row, db.Scope);
            errors.Add(new IngestionError(index, mapping.ErrorKey(records[index]), field, IngestionCodes.OutOfScope, message));
            valid.Remove(hidden);
        }
        if (errors.Count > 0 && atomic)
            return Counted<TEntity>(UpsertResult.Refused(errors, dryRun));

        // Same order in every writer, so that concurrent batches lock shared rows in the same order.
        var rows = valid.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value.Row).ToList();
        var (inserted, updated, unchanged) = await RetryableWrite.RunAsync(
            db,
            () => WriteAsync(mapping, db, source, rows, dryRun, cancellationToken)
        );
        return Counted<TEntity>(new UpsertResult(inserted, updated, unchanged, errors, dryRun));
    }

    private UpsertResult Counted<TEntity>(UpsertResult result)
    {
        if (!result.DryRun)
        {
            var kind = typeof(TEntity).Name.ToLowerInvariant();
            metrics.Ingested(kind, result.Inserted + result.Updated);
            foreach (var refused in result.Errors.GroupBy(e => e.Code, StringComparer.Ordinal))
                metrics.Rejected(kind, refused.Key, refused.Count());
        }
        return result;
    }

    private async Task<(int, int, int)> WriteAsync<TRecord, TEntity>(
        IBatchMapping<TRecord, TEntity> mapping,
        WelfareDbContext db,
        string source,
        List<TEntity> rows,
        bool dryRun,
        CancellationToken cancellationToken
    )
        where TEntity : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rollups = await mapping.BeginRollupsAsync(db, cancellationToken);
        var existing = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(mapping.Key).Chunk(1_000))
        {
            foreach (var row in await mapping.Stored(db, source, chunk).AsTracking().ToListAsync(cancellationToken))
                existing[mapping.Key(row)] = row;
        }

        var inserts = new List<TEntity>();
        var changes = new List<(TEntity Row, ChangeKind Kind)>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(mapping.Key(row), out var stored))
            {
                inserts.Add(row);
                changes.Add((row, ChangeKind.Insert));
                rollups?.Added(row);
                continue;
            }
            // Told before the copy: a change may move the row to another cell.
            rollups?.Removing(stored);
            if (mapping.Fields.CopyIfChanged(row, stored))
                changes.Add((stored, ChangeKind.Update));
            else
                unchanged++;
            rollups?.Added(stored);
        }
        var counts = (inserts.Count, changes.Count - inserts.Count, unchanged);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return counts;
        }

        if (mapping.BulkInsert)
        {
            await db.SaveChangesAsync(cancellationToken);
            await BulkCopy.InsertAsync(db, inserts, cancellationToken);
        }
        else
        {
            db.Set<TEntity>().AddRange(inserts);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (rollups is not null)
            await rollups.ApplyAsync(db, cancellationToken);
        var feed = changes.Select(c => mapping.FeedEntry(c.Row, c.Kind)).OfType<FeedEntry>().ToList();
        await stamper.StampAsync(db, feed, cancellationToken);
        // Every change moves the data version, reference data too: a county's all-households count or a centre's
        // name changes answers that no feed entry names.
        long? version = changes.Count > 0 ? await DataVersionClock.AdvanceAsync(db, cancellationToken) : null;
        await transaction.CommitAsync(cancellationToken);
        if (version is { } committed)
            versions.Committed(committed);
        return counts;
    }

    /// <summary>
    /// Keys already stored for a county the caller cannot see. The caller's own (scoped) lookup would miss them and the
    /// insert would only collide with the unique key, so they are refused by name; the system context sees every county.
    /// </summary>
    private static async Task<List<string>> StoredOutsideScopeAsync<TRecord, TEntity>(
        IBatchMapping<TRecord, TEntity> mapping,
        WelfareDbContext system,
        WelfareDbContext db,
        string source,
        IEnumerable<string> keys,
        CancellationToken cancellationToken
    )
        where TEntity : class
    {
        var hidden = new List<string>();
        if (db.Scope.IsNational)
            return hidden;
        foreach (var chunk in keys.Chunk(1_000))
            if (mapping.Places(system, source, chunk) is { } places)
                foreach (var place in await places.ToListAsync(cancellationToken))
                    if (!db.Scope.ContainsCounty(place.CountyId))
                        hidden.Add(place.Key);
        return hidden;
    }
}

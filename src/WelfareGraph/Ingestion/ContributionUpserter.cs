using Microsoft.EntityFrameworkCore;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Idempotent batch upsert keyed by (sourceSystem, externalId): a resent batch changes nothing, a changed value
/// updates its record, and every write lands in the change feed in the same transaction.
/// </summary>
public sealed class ContributionUpserter(IngestionOptions options)
{
    /// <summary>Runs after the rows are written and before the feed is stamped and committed: lets tests hold a
    /// transaction open to force another writer to commit first.</summary>
    internal Func<CancellationToken, Task>? BeforeStamp { get; init; }

    /// <param name="db">A context with the caller's scope; reference data is read through <paramref name="system"/>.</param>
    public async Task<UpsertResult> UpsertAsync(WelfareDbContext db, WelfareDbContext system, string sourceSystem,
        IReadOnlyList<ContributionRecord> records, bool atomic, bool dryRun, CancellationToken cancellationToken)
    {
        if (UpsertResult.RefusedBatch(records.Count, options.MaxBatchSize, sourceSystem, dryRun) is { } refused) return refused;

        var validator = await ContributionValidator.LoadAsync(system, db.Scope, records, cancellationToken);
        var errors = new List<IngestionError>();
        var valid = new List<(int Index, Contribution Row)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var (row, rowErrors) = validator.Validate(i, records[i], sourceSystem);
            if (row is not null && !seen.Add(row.ExternalId))
                rowErrors.Add(new IngestionError(i, row.ExternalId, "externalId", IngestionCodes.DuplicateExternalId,
                    $"externalId '{row.ExternalId}' appears more than once in this batch."));
            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else valid.Add((i, row!));
        }
        var hidden = await StoredOutsideScopeAsync(system, db.Scope, sourceSystem, valid.Select(v => v.Row.ExternalId).ToList(), cancellationToken);
        foreach (var (index, row) in valid.Where(v => hidden.Contains(v.Row.ExternalId)))
            errors.Add(new IngestionError(index, row.ExternalId, "externalId", IngestionCodes.OutOfScope,
                $"externalId '{row.ExternalId}' is already stored for a county outside your scope ({db.Scope})."));
        if (errors.Count > 0 && atomic) return UpsertResult.Refused(errors, dryRun);

        // Same order in every writer, so that concurrent batches lock shared rows in the same order.
        var rows = valid.Select(v => v.Row).Where(r => !hidden.Contains(r.ExternalId)).OrderBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
        var (inserted, updated, unchanged) = await RetryableWrite.RunAsync(db, () => WriteAsync(db, sourceSystem, rows, dryRun, cancellationToken));
        return new UpsertResult(inserted, updated, unchanged, errors, dryRun);
    }

    private async Task<(int, int, int)> WriteAsync(WelfareDbContext db, string sourceSystem, List<Contribution> rows, bool dryRun,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = new Dictionary<string, Contribution>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.ExternalId).Chunk(1_000))
        {
            // Retracted records keep their key: a resend finds them rather than inserting a twin.
            var found = await db.Contributions.IgnoreQueryFilters([ContributionFilters.NotRetracted]).AsTracking()
                .Where(c => c.SourceSystem == sourceSystem && chunk.Contains(c.ExternalId))
                .ToListAsync(cancellationToken);
            foreach (var row in found) existing[row.ExternalId] = row;
        }

        var inserts = new List<Contribution>();
        var feed = new List<FeedEntry>();
        var unchanged = 0;
        var updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.ExternalId, out var current))
            {
                inserts.Add(row);
                feed.Add(Entry(row, ChangeKind.Insert));
            }
            else if (ContributionValues.CopyIfChanged(row, current))
            {
                updated++;
                feed.Add(Entry(current, ChangeKind.Update));
            }
            else unchanged++;
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (inserts.Count, updated, unchanged);
        }
        await db.SaveChangesAsync(cancellationToken);
        await BulkCopy.InsertAsync(db, inserts, cancellationToken);
        if (BeforeStamp is not null) await BeforeStamp(cancellationToken);
        await ChangeFeedWriter.WriteAsync(db, feed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (inserts.Count, updated, unchanged);
    }

    /// <summary>
    /// Keys already stored for a county the caller cannot see. The caller's own (scoped) lookup would miss them and
    /// the insert would only collide with the unique key, so they are refused by name; the system context sees every county.
    /// </summary>
    private static async Task<HashSet<string>> StoredOutsideScopeAsync(WelfareDbContext system, WelfareScope scope, string sourceSystem,
        List<string> keys, CancellationToken cancellationToken)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        if (scope.IsNational) return hidden;
        foreach (var chunk in keys.Chunk(1_000))
            foreach (var row in await system.Contributions.IgnoreQueryFilters([ContributionFilters.NotRetracted])
                         .Where(c => c.SourceSystem == sourceSystem && chunk.Contains(c.ExternalId)).Select(c => new { c.ExternalId, c.CountyId })
                         .ToListAsync(cancellationToken))
                if (!scope.ContainsCounty(row.CountyId)) hidden.Add(row.ExternalId);
        return hidden;
    }

    internal static FeedEntry Entry(Contribution row, ChangeKind kind) => new()
    {
        Entity = FeedEntity.Contribution, Kind = kind, SourceSystem = row.SourceSystem, Key = row.ExternalId, CountyId = row.CountyId,
    };
}

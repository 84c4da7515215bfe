using WelfareGraph.ChangeFeed;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;

namespace WelfareGraph.Ingestion;

/// <summary>Marks contributions retracted — kept for audit, gone from totals and exports — never a hard delete.</summary>
public sealed class Retraction(IChangeFeedStamper stamper, DataVersionClock versions)
{
    public async Task<RetractResult> RetractAsync(
        WelfareDbContext db,
        string sourceSystem,
        IReadOnlyList<string> externalIds,
        string reason,
        CancellationToken cancellationToken
    )
    {
        if (string.IsNullOrWhiteSpace(reason))
            return new RetractResult(
                0,
                0,
                [new IngestionError(-1, null, "reason", IngestionCodes.Required, "A retraction needs a reason.")]
            );
        // Folded and trimmed as upserts store them, so an id sent with Persian digits finds its row.
        var ids = externalIds.Select(i => RecordFields.Clean(i) ?? "").Distinct(StringComparer.Ordinal).ToList();
        return await RetryableWrite.RunAsync(
            db,
            async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var rollup = await MonthlyRollupChanges.BeginAsync(db, cancellationToken);
                var rows = new List<Contribution>();
                foreach (var chunk in ids.Chunk(1_000))
                    rows.AddRange(
                        await db
                            .Contributions.IgnoreQueryFilters([ContributionFilters.NotRetracted])
                            .AsTracking()
                            .Where(c => c.SourceSystem == sourceSystem && chunk.Contains(c.ExternalId))
                            .ToListAsync(cancellationToken)
                    );
                var found = rows.Select(r => r.ExternalId).ToHashSet(StringComparer.Ordinal);
                var errors = ids.Select((id, i) => (id, i))
                    .Where(x => !found.Contains(x.id))
                    .Select(x => new IngestionError(
                        x.i,
                        x.id,
                        "externalIds",
                        IngestionCodes.UnknownExternalId,
                        $"No contribution '{x.id}' from {sourceSystem} in your scope."
                    ))
                    .ToList();
                var now = DateTime.UtcNow;
                var retracting = rows.Where(r => !r.IsRetracted).OrderBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
                foreach (var row in retracting)
                {
                    rollup.Removing(row);
                    (row.IsRetracted, row.RetractedAt, row.RetractionReason) = (
                        true,
                        now,
                        reason.Trim()[..Math.Min(reason.Trim().Length, 500)]
                    );
                }
                await db.SaveChangesAsync(cancellationToken);
                await rollup.ApplyAsync(db, cancellationToken);
                await stamper.StampAsync(
                    db,
                    retracting.Select(r => ContributionMapping.Entry(r, ChangeKind.Retract)).ToList(),
                    cancellationToken
                );
                long? version = retracting.Count > 0 ? await DataVersionClock.AdvanceAsync(db, cancellationToken) : null;
                await transaction.CommitAsync(cancellationToken);
                if (version is { } committed)
                    versions.Committed(committed);
                return new RetractResult(retracting.Count, rows.Count - retracting.Count, errors);
            }
        );
    }
}

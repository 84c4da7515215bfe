using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

/// <summary>A household as a national system sends it. Its national id never reaches the database.</summary>
public sealed record HouseholdRecord
{
    public string? NationalId { get; init; }
    public string? CountyCode { get; init; }
    public string? Benefit { get; init; }
    public string? CoveredSince { get; init; }
    public string? CoveredUntil { get; init; }
    public string? ExitReason { get; init; }
    public int? Members { get; init; }
}

/// <summary>
/// Upserts households keyed by a pseudonym: the HMAC of the national id under a key from configuration,
/// computed before anything is written or logged. Errors name the item's index, never its national id.
/// </summary>
public sealed class HouseholdUpserter(IngestionOptions options, IHostEnvironment environment)
{
    public string Pseudonym(string nationalId)
    {
        var key = options.PseudonymKey;
        if (string.IsNullOrEmpty(key))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Ingestion:PseudonymKey must be set to accept households outside Development.");
            key = "development-only-pseudonym-key";
        }
        var normalized = PersianText.Fold(nationalId).Trim().Replace("-", "").Replace(" ", "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(normalized)));
    }

    public async Task<UpsertResult> UpsertAsync(WelfareDbContext db, WelfareDbContext system, string sourceSystem,
        IReadOnlyList<HouseholdRecord> records, bool atomic, bool dryRun, CancellationToken cancellationToken)
    {
        if (UpsertResult.RefusedBatch(records.Count, options.MaxBatchSize, sourceSystem, dryRun) is { } refused) return refused;

        var counties = await CountyLookup.LoadAsync(system, db.Scope, records.Select(r => r.CountyCode), cancellationToken);
        var errors = new List<IngestionError>();
        var rows = new Dictionary<string, (int Index, Household Row)>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var (row, rowErrors) = Validate(i, records[i], sourceSystem, counties);
            if (row is not null && !rows.TryAdd(row.Pseudonym, (i, row)))
                rowErrors.Add(new IngestionError(i, null, "nationalId", IngestionCodes.DuplicateExternalId, "The same household appears more than once in this batch."));
            errors.AddRange(rowErrors);
        }
        // A household stored for a county the caller cannot see: its scoped lookup would miss it and the insert would only
        // collide with the unique pseudonym. Refused without saying where it is covered.
        foreach (var pseudonym in await StoredOutsideScopeAsync(system, db.Scope, [.. rows.Keys], cancellationToken))
        {
            errors.Add(new IngestionError(rows[pseudonym].Index, null, "nationalId", IngestionCodes.OutOfScope, $"This household cannot be written within your scope ({db.Scope})."));
            rows.Remove(pseudonym);
        }
        if (errors.Count > 0 && atomic) return UpsertResult.Refused(errors, dryRun);

        var ordered = rows.Values.Select(v => v.Row).OrderBy(r => r.Pseudonym, StringComparer.Ordinal).ToList();
        var (inserted, updated, unchanged) = await RetryableWrite.RunAsync(db, () => WriteAsync(db, ordered, dryRun, cancellationToken));
        return new UpsertResult(inserted, updated, unchanged, errors, dryRun);
    }

    private (Household?, List<IngestionError>) Validate(int index, HouseholdRecord record, string sourceSystem, CountyLookup counties)
    {
        var errors = new List<IngestionError>();
        void Error(string field, string code, string message) => errors.Add(new IngestionError(index, null, field, code, message));
        if (string.IsNullOrWhiteSpace(record.NationalId)) Error("nationalId", IngestionCodes.Required, "nationalId is required (it is hashed, never stored).");
        var county = counties.Find(record.CountyCode, Error);
        var benefit = RecordFields.ParseEnum<Benefit>(record.Benefit, "benefit", required: true, Error);
        var since = RecordFields.ParseDate(record.CoveredSince, "coveredSince", required: true, Error);
        var until = RecordFields.ParseDate(record.CoveredUntil, "coveredUntil", required: false, Error);
        var exit = RecordFields.ParseEnum<ExitReason>(record.ExitReason, "exitReason", required: false, Error);
        if (since is { } s && until is { } u && u < s) Error("coveredUntil", IngestionCodes.InvalidValue, "coveredUntil is before coveredSince.");
        if (exit is not null && until is null) Error("exitReason", IngestionCodes.InvalidValue, "exitReason needs coveredUntil.");
        if (record.Members is not > 0) Error("members", IngestionCodes.InvalidValue, "members must be at least 1.");
        if (errors.Count > 0) return (null, errors);
        return (new Household
        {
            Pseudonym = Pseudonym(record.NationalId!), CountyId = county!.Value.Id, Benefit = benefit!.Value, CoveredSince = since!.Value,
            CoveredUntil = until, ExitReason = exit, Members = record.Members!.Value, SourceSystem = sourceSystem,
        }, errors);
    }

    private static async Task<(int, int, int)> WriteAsync(WelfareDbContext db, List<Household> rows, bool dryRun, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = new Dictionary<string, Household>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Pseudonym).Chunk(1_000))
            foreach (var row in await db.Households.AsTracking().Where(h => chunk.Contains(h.Pseudonym)).ToListAsync(cancellationToken))
                existing[row.Pseudonym] = row;
        var inserts = new List<Household>();
        var feed = new List<FeedEntry>();
        int updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Pseudonym, out var stored))
            {
                inserts.Add(row);
                feed.Add(Entry(row, ChangeKind.Insert));
                continue;
            }
            if (stored.CountyId == row.CountyId && stored.Benefit == row.Benefit && stored.CoveredSince == row.CoveredSince
                && stored.CoveredUntil == row.CoveredUntil && stored.ExitReason == row.ExitReason && stored.Members == row.Members)
            {
                unchanged++;
                continue;
            }
            (stored.CountyId, stored.Benefit, stored.CoveredSince, stored.CoveredUntil, stored.ExitReason, stored.Members) =
                (row.CountyId, row.Benefit, row.CoveredSince, row.CoveredUntil, row.ExitReason, row.Members);
            updated++;
            feed.Add(Entry(stored, ChangeKind.Update));
        }
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (inserts.Count, updated, unchanged);
        }
        await db.SaveChangesAsync(cancellationToken);
        await BulkCopy.InsertAsync(db, inserts, cancellationToken);
        await ChangeFeedWriter.WriteAsync(db, feed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (inserts.Count, updated, unchanged);
    }

    private static async Task<List<string>> StoredOutsideScopeAsync(WelfareDbContext system, Data.WelfareScope scope, List<string> pseudonyms,
        CancellationToken cancellationToken)
    {
        var hidden = new List<string>();
        if (scope.IsNational) return hidden;
        foreach (var chunk in pseudonyms.Chunk(1_000))
            foreach (var row in await system.Households.Where(h => chunk.Contains(h.Pseudonym)).Select(h => new { h.Pseudonym, h.CountyId }).ToListAsync(cancellationToken))
                if (!scope.ContainsCounty(row.CountyId)) hidden.Add(row.Pseudonym);
        return hidden;
    }

    private static FeedEntry Entry(Household row, ChangeKind kind) => new()
    {
        Entity = FeedEntity.Household, Kind = kind, SourceSystem = row.SourceSystem, Key = row.Pseudonym, CountyId = row.CountyId,
    };
}

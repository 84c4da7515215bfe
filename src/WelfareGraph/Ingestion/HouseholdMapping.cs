using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Households keyed by a pseudonym (<see cref="HouseholdPseudonyms"/>). Errors name the item's index, never its national id.
/// </summary>
public sealed class HouseholdMapping(HouseholdPseudonyms pseudonyms) : IBatchMapping<HouseholdRecord, Household>
{
    public string? ErrorKey(HouseholdRecord record) => null;

    public string Key(Household row) => row.Pseudonym;

    public (string Field, string Message) Duplicate(Household row) =>
        ("nationalId", "The same household appears more than once in this batch.");

    // Refused without saying where the household is covered.
    public (string Field, string Message) OutOfScope(Household row, WelfareScope scope) =>
        ("nationalId", $"This household cannot be written within your scope ({scope}).");

    public async Task<IRecordValidator<HouseholdRecord, Household>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<HouseholdRecord> records,
        CancellationToken cancellationToken
    ) =>
        new Validator(
            await CountyLookup.LoadAsync(system, scope, records.Select(r => r.CountyCode), cancellationToken),
            sourceSystem,
            pseudonyms
        );

    public IQueryable<Household> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db.Households.Where(h => keys.Contains(h.Pseudonym));

    public IQueryable<StoredPlace> Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        Stored(system, sourceSystem, keys).Select(h => new StoredPlace(h.Pseudonym, h.CountyId));

    public ComparedFields<Household> Fields { get; } =
        new(h => h.CountyId, h => h.Benefit, h => h.CoveredSince, h => h.CoveredUntil, h => h.ExitReason, h => h.Members);

    public bool BulkInsert => true;

    public FeedEntry FeedEntry(Household row, ChangeKind kind) =>
        ChangeFeed.FeedEntry.Of(FeedEntity.Household, kind, row.SourceSystem, row.Pseudonym, row.CountyId);

    private sealed class Validator(CountyLookup counties, string sourceSystem, HouseholdPseudonyms pseudonyms)
        : IRecordValidator<HouseholdRecord, Household>
    {
        public Household? Validate(HouseholdRecord record, Action<string, string, string> error)
        {
            var failed = false;
            void Error(string field, string code, string message)
            {
                failed = true;
                error(field, code, message);
            }
            if (string.IsNullOrWhiteSpace(record.NationalId))
                Error("nationalId", IngestionCodes.Required, "nationalId is required (it is hashed, never stored).");
            var county = counties.Find(record.CountyCode, Error);
            if (record.Benefit is null)
                Error("benefit", IngestionCodes.Required, "benefit is required.");
            var since = RecordFields.ParseDate(record.CoveredSince, "coveredSince", required: true, Error);
            var until = RecordFields.ParseDate(record.CoveredUntil, "coveredUntil", required: false, Error);
            if (since is { } s && until is { } u && u < s)
                Error("coveredUntil", IngestionCodes.InvalidValue, "coveredUntil is before coveredSince.");
            if (record.ExitReason is not null && until is null)
                Error("exitReason", IngestionCodes.InvalidValue, "exitReason needs coveredUntil.");
            if (record.Members is not > 0)
                Error("members", IngestionCodes.InvalidValue, "members must be at least 1.");
            if (failed)
                return null;
            return new Household
            {
                Pseudonym = pseudonyms.Of(record.NationalId!),
                CountyId = county!.Value.Id,
                Benefit = record.Benefit!.Value,
                CoveredSince = since!.Value,
                CoveredUntil = until,
                ExitReason = record.ExitReason,
                Members = record.Members!.Value,
                SourceSystem = sourceSystem,
            };
        }
    }
}

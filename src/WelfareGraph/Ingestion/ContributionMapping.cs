using WelfareGraph.ChangeFeed;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>Contributions, keyed by (sourceSystem, externalId); validated by <see cref="ContributionValidator"/>.</summary>
public sealed class ContributionMapping : IBatchMapping<ContributionRecord, Contribution>
{
    public string? ErrorKey(ContributionRecord record) => RecordFields.Clean(record.ExternalId);

    public string Key(Contribution row) => row.ExternalId;

    public (string Field, string Message) Duplicate(Contribution row) =>
        ("externalId", $"externalId '{row.ExternalId}' appears more than once in this batch.");

    public (string Field, string Message) OutOfScope(Contribution row, WelfareScope scope) =>
        ("externalId", $"externalId '{row.ExternalId}' is already stored for a county outside your scope ({scope}).");

    public async Task<IRecordValidator<ContributionRecord, Contribution>> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<ContributionRecord> records,
        CancellationToken cancellationToken
    ) => await ContributionValidator.LoadAsync(system, scope, sourceSystem, records, cancellationToken);

    public IQueryable<Contribution> Stored(WelfareDbContext db, string sourceSystem, IReadOnlyCollection<string> keys) =>
        db
            .Contributions.IgnoreQueryFilters([ContributionFilters.NotRetracted])
            .Where(c => c.SourceSystem == sourceSystem && keys.Contains(c.ExternalId));

    public IQueryable<StoredPlace> Places(WelfareDbContext system, string sourceSystem, IReadOnlyCollection<string> keys) =>
        Stored(system, sourceSystem, keys).Select(c => new StoredPlace(c.ExternalId, c.CountyId));

    // The date is set through the entity's own rule (it keeps the Solar Hijri parts beside it).
    public ComparedFields<Contribution> Fields { get; } =
        new ComparedFields<Contribution>(
            c => c.CountyId,
            c => c.Type,
            c => c.Sector,
            c => c.Intent,
            c => c.Channel,
            c => c.AmountRial,
            c => c.CenterId,
            c => c.CharityId,
            c => c.Quantity,
            c => c.QuantityUnit,
            c => c.Description,
            c => c.ValuationBasis
        ).And(ComparedField<Contribution>.Of(c => c.Date, (c, v) => c.SetDate(v)));

    public bool BulkInsert => true;

    public async Task<IRollupChanges<Contribution>?> BeginRollupsAsync(WelfareDbContext db, CancellationToken cancellationToken) =>
        await MonthlyRollupChanges.BeginAsync(db, cancellationToken);

    public FeedEntry FeedEntry(Contribution row, ChangeKind kind) => Entry(row, kind);

    internal static FeedEntry Entry(Contribution row, ChangeKind kind) =>
        ChangeFeed.FeedEntry.Of(FeedEntity.Contribution, kind, row.SourceSystem, row.ExternalId, row.CountyId);
}

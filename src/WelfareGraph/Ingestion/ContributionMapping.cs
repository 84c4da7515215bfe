using Microsoft.EntityFrameworkCore;
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

    public ComparedFields<Contribution> Fields { get; } =
        new(
            ComparedField<Contribution>.Of(c => c.Date, (c, v) => c.SetDate(v)),
            ComparedField<Contribution>.Of(c => c.CountyId, (c, v) => c.CountyId = v),
            ComparedField<Contribution>.Of(c => c.Type, (c, v) => c.Type = v),
            ComparedField<Contribution>.Of(c => c.Sector, (c, v) => c.Sector = v),
            ComparedField<Contribution>.Of(c => c.Intent, (c, v) => c.Intent = v),
            ComparedField<Contribution>.Of(c => c.Channel, (c, v) => c.Channel = v),
            ComparedField<Contribution>.Of(c => c.AmountRial, (c, v) => c.AmountRial = v),
            ComparedField<Contribution>.Of(c => c.CenterId, (c, v) => c.CenterId = v),
            ComparedField<Contribution>.Of(c => c.CharityId, (c, v) => c.CharityId = v),
            ComparedField<Contribution>.Of(c => c.Quantity, (c, v) => c.Quantity = v),
            ComparedField<Contribution>.Of(c => c.QuantityUnit, (c, v) => c.QuantityUnit = v),
            ComparedField<Contribution>.Of(c => c.Description, (c, v) => c.Description = v),
            ComparedField<Contribution>.Of(c => c.ValuationBasis, (c, v) => c.ValuationBasis = v)
        );

    public bool BulkInsert => true;

    public async Task<IRollupChanges<Contribution>?> BeginRollupsAsync(WelfareDbContext db, CancellationToken cancellationToken) =>
        await MonthlyRollupChanges.BeginAsync(db, cancellationToken);

    public FeedEntry FeedEntry(Contribution row, ChangeKind kind) => Entry(row, kind);

    internal static FeedEntry Entry(Contribution row, ChangeKind kind) =>
        new()
        {
            Entity = FeedEntity.Contribution,
            Kind = kind,
            SourceSystem = row.SourceSystem,
            Key = row.ExternalId,
            CountyId = row.CountyId,
        };
}

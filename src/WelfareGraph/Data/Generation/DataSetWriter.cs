using WelfareGraph.Contributions;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Households;

namespace WelfareGraph.Data.Generation;

public static class DataSetWriter
{
    /// <summary>Writes a generated set: reference rows through EF (to learn their ids), fact rows in bulk, then the rollup.</summary>
    public static async Task WriteAsync(WelfareDbContext db, GeneratedDataSet set, CancellationToken cancellationToken = default)
    {
        db.Counties.AddRange(set.Counties);
        db.Charities.AddRange(set.Charities);
        db.Centers.AddRange(set.Centers);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var household in set.Households)
            household.CountyId = household.County.Id;
        foreach (var contribution in set.Contributions)
        {
            contribution.CountyId = contribution.County.Id;
            contribution.CenterId = contribution.Center?.Id;
            contribution.CharityId = contribution.Charity?.Id;
        }
        await BulkCopy.InsertAsync<Household>(db, set.Households, cancellationToken);
        await BulkCopy.InsertAsync<Contribution>(db, set.Contributions, cancellationToken);
        // Aggregated once from the written rows, as maintaining the cells row by row would cost far more.
        await MonthlyRollup.RebuildAsync(db, cancellationToken: cancellationToken);
        // A set written into a database other servers already answer from must not leave their caches standing.
        await DataVersionClock.AdvanceAsync(db, cancellationToken);
    }
}

using WelfareGraph.Data;

namespace WelfareGraph.Ingestion;

/// <summary>
/// A write that is part of answers (a closed month, a published statement): made in one transaction with the advance
/// of the data version, and the new version made known once it is committed, so no cached answer outlives it.
/// </summary>
internal static class VersionedWrite
{
    /// <param name="write">The write; false when it changed nothing, which leaves the version where it was.</param>
    public static async Task<bool> RunAsync(
        WelfareDbContext db,
        DataVersionClock versions,
        Func<Task<bool>> write,
        CancellationToken cancellationToken
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await write();
        long? version = changed ? await DataVersionClock.AdvanceAsync(db, cancellationToken) : null;
        await transaction.CommitAsync(cancellationToken);
        if (version is { } committed)
            versions.Committed(committed);
        return changed;
    }

    /// <summary>Stores one new row.</summary>
    public static Task AddAsync<TRow>(WelfareDbContext db, DataVersionClock versions, TRow row, CancellationToken cancellationToken)
        where TRow : class =>
        RunAsync(
            db,
            versions,
            async () =>
            {
                db.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );
}

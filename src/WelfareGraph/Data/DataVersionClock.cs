namespace WelfareGraph.Data;

/// <summary>
/// Moves the <see cref="DataVersion"/> inside a writer's transaction, and tells the request that made the write
/// which version it committed (a mutation's response carries it, so its client can ask for data at least that
/// fresh). Writers call <see cref="AdvanceAsync"/> as the last step before commit — after the change feed's
/// stamp, so every writer takes the two clock rows in the same order — and <see cref="Committed"/> after it.
/// </summary>
public sealed class DataVersionClock(IHttpContextAccessor http)
{
    public const int RowId = 1;
    private static readonly object Key = new();

    /// <summary>Increments the version; the row lock is held until the transaction ends, so versions follow commit order.</summary>
    public static async Task<long> AdvanceAsync(WelfareDbContext db, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        await db
            .DataVersions.Where(v => v.Id == RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1).SetProperty(v => v.ChangedAt, now), cancellationToken);
        return await db.DataVersions.Where(v => v.Id == RowId).Select(v => v.Value).SingleAsync(cancellationToken);
    }

    /// <summary>Records on the current request (if any) that <paramref name="version"/> is committed.</summary>
    public void Committed(long version)
    {
        if (http.HttpContext is not { } context)
            return;
        lock (Key)
            context.Items[Key] = Math.Max(version, context.Items[Key] as long? ?? 0);
    }

    /// <summary>The highest version the request's writes committed, or null when it wrote nothing.</summary>
    public static long? CommittedBy(HttpContext context)
    {
        lock (Key)
            return context.Items[Key] as long?;
    }

    /// <summary>The version (and when it moved) as the database behind <paramref name="db"/> sees it.</summary>
    public static Task<DataVersion> ReadAsync(WelfareDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions.Where(v => v.Id == RowId).SingleAsync(cancellationToken);
}

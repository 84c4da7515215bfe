namespace WelfareGraph.Data.Rollups;

/// <summary>What a writer tells the rollups its rows feed, inside its transaction.</summary>
public interface IRollupChanges<in TEntity>
{
    /// <summary>A stored row, as it is before the write changes it.</summary>
    void Removing(TEntity stored);

    /// <summary>A row as the write leaves it (inserted, or changed).</summary>
    void Added(TEntity row);

    /// <summary>After the rows are written, before commit.</summary>
    Task ApplyAsync(WelfareDbContext db, CancellationToken cancellationToken);
}

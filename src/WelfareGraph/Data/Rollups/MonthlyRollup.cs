namespace WelfareGraph.Data.Rollups;

/// <summary>
/// Rebuilds the rollups (<see cref="RollupGrain.All"/>) from the facts and verifies them against the facts, one Solar Hijri year at a time
/// (each year its own transaction under the writers' lock, so writers wait for one year at most).
/// </summary>
public static class MonthlyRollup
{
    /// <summary>A year of facts can take minutes to aggregate on a large database: longer than any request's command.</summary>
    private static readonly TimeSpan YearTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// Replaces every cell of every rollup with the facts' own figures (finer rollups first: a coarser one sums
    /// them); reports each year done (year, years done, years in all).
    /// </summary>
    public static Task RebuildAsync(
        WelfareDbContext db,
        Action<int, int, int>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        return EachYearAsync(
            db,
            async (year, done, all) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (MonthlyRollupSql.For(db).Lock is { } statement)
                    await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
                foreach (var sql in RollupGrain.All.Select(grain => MonthlyRollupSql.For(db, grain)))
                {
                    await db.Database.ExecuteSqlRawAsync(sql.Delete(year), cancellationToken);
                    await db.Database.ExecuteSqlRawAsync(sql.Fill(year), cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                progress?.Invoke(year, done, all);
            },
            cancellationToken
        );
    }

    /// <summary>
    /// The number of cells, of every rollup, that differ from the facts (zero when exact);
    /// reports each year (year, its differences, years done, years in all).
    /// </summary>
    public static async Task<long> VerifyAsync(
        WelfareDbContext db,
        Action<int, long, int, int>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        long differences = 0;
        await EachYearAsync(
            db,
            async (year, done, all) =>
            {
                // Each statement reads a rollup and the facts in one snapshot, so a concurrent writer cannot show as a difference.
                long found = 0;
                foreach (var sql in RollupGrain.All.Select(grain => MonthlyRollupSql.For(db, grain)))
                    found += await db.Database.SqlQueryRaw<long>(sql.CountDifferences(year)).SingleAsync(cancellationToken);
                differences += found;
                progress?.Invoke(year, found, done, all);
            },
            cancellationToken
        );
        return differences;
    }

    /// <summary>
    /// Runs <paramref name="step"/> (year, years done with it, years in all) for every year the facts or the rollup
    /// hold — every county's: these commands and the data sets run with national scope — with long commands.
    /// </summary>
    private static async Task EachYearAsync(WelfareDbContext db, Func<int, int, int, Task> step, CancellationToken cancellationToken)
    {
        var years = (
            await db
                .Contributions.Select(c => c.SolarYear)
                .Union(db.MonthlyContributions.Select(m => m.SolarYear))
                .Union(db.CountyMonthlyContributions.Select(m => m.SolarYear))
                .ToListAsync(cancellationToken)
        )
            .Order()
            .ToList();
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(YearTimeout);
        try
        {
            for (var i = 0; i < years.Count; i++)
                await step(years[i], i + 1, years.Count);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace WelfareGraph.Data.Rollups;

/// <summary>
/// Rebuilds the monthly rollup from the facts and verifies it against them, one Solar Hijri year at a time
/// (each year its own transaction under the writers' lock, so writers wait for one year at most).
/// </summary>
public static class MonthlyRollup
{
    /// <summary>A year of facts can take minutes to aggregate on a large database: longer than any request's command.</summary>
    private static readonly TimeSpan YearTimeout = TimeSpan.FromHours(1);

    /// <summary>Replaces every cell with the facts' own figures; reports each year done (year, years done, years in all).</summary>
    public static async Task RebuildAsync(
        WelfareDbContext db,
        Action<int, int, int>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var sql = MonthlyRollupSql.For(db);
        var years = await YearsAsync(db, cancellationToken);
        using var _ = LongCommands(db);
        for (var i = 0; i < years.Count; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (sql.Lock is { } statement)
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(sql.Delete(years[i]), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(sql.Fill(years[i]), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Invoke(years[i], i + 1, years.Count);
        }
    }

    /// <summary>The number of cells that differ from the facts (zero when exact); reports each year (year, its differences, years done, years in all).</summary>
    public static async Task<long> VerifyAsync(
        WelfareDbContext db,
        Action<int, long, int, int>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var sql = MonthlyRollupSql.For(db);
        var years = await YearsAsync(db, cancellationToken);
        using var _ = LongCommands(db);
        long differences = 0;
        for (var i = 0; i < years.Count; i++)
        {
            // One statement reads both sides in one snapshot, so a concurrent writer cannot show as a difference.
            var found = await db.Database.SqlQueryRaw<long>(sql.CountDifferences(years[i])).SingleAsync(cancellationToken);
            differences += found;
            progress?.Invoke(years[i], found, i + 1, years.Count);
        }
        return differences;
    }

    /// <summary>Every year the facts or the rollup hold (every county: these commands and the data sets run with national scope).</summary>
    private static async Task<List<int>> YearsAsync(WelfareDbContext db, CancellationToken cancellationToken) =>
        (
            await db
                .Contributions.Select(c => c.SolarYear)
                .Distinct()
                .Union(db.MonthlyContributions.Select(m => m.SolarYear).Distinct())
                .ToListAsync(cancellationToken)
        )
            .Order()
            .ToList();

    private static Restore LongCommands(WelfareDbContext db)
    {
        var before = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(YearTimeout);
        return new Restore(() => db.Database.SetCommandTimeout(before));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

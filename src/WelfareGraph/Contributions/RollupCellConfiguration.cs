using System.Linq.Expressions;

namespace WelfareGraph.Contributions;

/// <summary>What the rollups' tables share: the checks on a cell and its county.</summary>
internal static class RollupCellConfiguration
{
    /// <param name="key">The cell's key, period first, as dashboards slice.</param>
    public static void Configure<TCell>(EntityTypeBuilder<TCell> builder, string table, Expression<Func<TCell, object?>> key)
        where TCell : RollupCell
    {
        builder.ToTable(
            table,
            t =>
            {
                t.HasCheckConstraint($"ck_{table}_rows", "row_count > 0");
                t.HasCheckConstraint($"ck_{table}_month", "solar_month BETWEEN 1 AND 12");
            }
        );
        builder.HasKey(key);
        builder.HasOne(m => m.County).WithMany().HasForeignKey(m => m.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

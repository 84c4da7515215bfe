namespace WelfareGraph.Contributions;

internal sealed class MonthlyContributionConfiguration : IEntityTypeConfiguration<MonthlyContribution>
{
    public void Configure(EntityTypeBuilder<MonthlyContribution> builder)
    {
        builder.ToTable(
            "contributions_monthly",
            t =>
            {
                t.HasCheckConstraint("ck_contributions_monthly_rows", "row_count > 0");
                t.HasCheckConstraint("ck_contributions_monthly_month", "solar_month BETWEEN 1 AND 12");
            }
        );
        // The key is the cell: period first, as dashboards slice the facts' own index.
        builder.HasKey(m => new
        {
            m.SolarYear,
            m.SolarMonth,
            m.CountyId,
            m.Type,
            m.Sector,
            m.Intent,
            m.Channel,
        });
        builder.HasOne(m => m.County).WithMany().HasForeignKey(m => m.CountyId).OnDelete(DeleteBehavior.Restrict);
        // A county's (or a province's) dashboard reads its own counties' cells.
        builder.HasIndex(m => new
        {
            m.CountyId,
            m.SolarYear,
            m.SolarMonth,
        });
    }

    /// <summary>
    /// PostgreSQL's: the cell's key with its measures included. A national dashboard's period is a third of the
    /// cells; without this index PostgreSQL reads them through the table, and once the table outgrows a bitmap
    /// scan (10,000,000 facts) through a parallel scan of every year; with it, through the index alone, only the
    /// period's cells, in key order. SQL Server's key is clustered (the table is already that index), and SQLite
    /// has no INCLUDE.
    /// </summary>
    public static void AddCoveringIndex(EntityTypeBuilder<MonthlyContribution> builder)
    {
        var index = builder
            .HasIndex(m => new
            {
                m.SolarYear,
                m.SolarMonth,
                m.CountyId,
                m.Type,
                m.Sector,
                m.Intent,
                m.Channel,
            })
            .HasDatabaseName("ix_contributions_monthly_covering");
        string[] measures =
        [
            nameof(MonthlyContribution.SolarQuarter),
            nameof(MonthlyContribution.RowCount),
            nameof(MonthlyContribution.SumRial),
            nameof(MonthlyContribution.MinRial),
            nameof(MonthlyContribution.MaxRial),
        ];
        NpgsqlIndexBuilderExtensions.IncludeProperties(index, measures);
    }
}

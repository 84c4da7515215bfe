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
}

namespace WelfareGraph.Contributions;

internal sealed class CountyMonthlyContributionConfiguration : IEntityTypeConfiguration<CountyMonthlyContribution>
{
    public void Configure(EntityTypeBuilder<CountyMonthlyContribution> builder)
    {
        builder.ToTable(
            "contributions_county_monthly",
            t =>
            {
                t.HasCheckConstraint("ck_contributions_county_monthly_rows", "row_count > 0");
                t.HasCheckConstraint("ck_contributions_county_monthly_month", "solar_month BETWEEN 1 AND 12");
            }
        );
        // The key is the cell, period first. No other index: a county's cells of a year are a few dozen rows.
        builder.HasKey(m => new
        {
            m.SolarYear,
            m.SolarMonth,
            m.CountyId,
            m.Type,
        });
        builder.HasOne(m => m.County).WithMany().HasForeignKey(m => m.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

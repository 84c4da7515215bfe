namespace WelfareGraph.Contributions;

internal sealed class CountyMonthlyContributionConfiguration : IEntityTypeConfiguration<CountyMonthlyContribution>
{
    // No index beyond the key (and the county's): a county's cells of a year are a few dozen rows.
    public void Configure(EntityTypeBuilder<CountyMonthlyContribution> builder) =>
        RollupCellConfiguration.Configure(
            builder,
            "contributions_county_monthly",
            m => new
            {
                m.SolarYear,
                m.SolarMonth,
                m.CountyId,
                m.Type,
            }
        );
}

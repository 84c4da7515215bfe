namespace WelfareGraph.Contributions;

internal sealed class MonthlyContributionConfiguration : IEntityTypeConfiguration<MonthlyContribution>
{
    public void Configure(EntityTypeBuilder<MonthlyContribution> builder)
    {
        RollupCellConfiguration.Configure(
            builder,
            "contributions_monthly",
            m => new
            {
                m.SolarYear,
                m.SolarMonth,
                m.CountyId,
                m.Type,
                m.Sector,
                m.Intent,
                m.Channel,
            }
        );
        // A county's (or a province's) dashboard reads its own counties' cells.
        builder.HasIndex(m => new
        {
            m.CountyId,
            m.SolarYear,
            m.SolarMonth,
        });
    }
}

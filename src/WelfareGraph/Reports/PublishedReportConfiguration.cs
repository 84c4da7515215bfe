using WelfareGraph.Geography;

namespace WelfareGraph.Reports;

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.Property(r => r.PeriodLabel).HasMaxLength(40);
        builder.Property(r => r.PublishedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.ProvinceId, r.PublishedAt });
        builder.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

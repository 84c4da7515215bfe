using WelfareGraph.Geography;

namespace WelfareGraph.Periods;

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder
            .HasIndex(c => new
            {
                c.ProvinceId,
                c.Year,
                c.Month,
            })
            .IsUnique();
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

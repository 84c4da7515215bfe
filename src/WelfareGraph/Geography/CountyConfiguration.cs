namespace WelfareGraph.Geography;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(12);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameFa).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.HasOne(c => c.Province).WithMany(p => p.Counties).HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

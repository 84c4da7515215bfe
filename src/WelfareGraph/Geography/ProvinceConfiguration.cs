namespace WelfareGraph.Geography;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameFa).HasMaxLength(100);
        builder.Property(p => p.NameEn).HasMaxLength(100);
        builder.HasData(
            ProvinceReferenceData.All.Select(p => new
            {
                p.Id,
                p.Code,
                p.NameFa,
                p.NameEn,
            })
        );
    }
}

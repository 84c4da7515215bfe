namespace WelfareGraph.Geography;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.ConfigurePlace(codeLength: 12);
        builder.HasOne(c => c.Province).WithMany(p => p.Counties).HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

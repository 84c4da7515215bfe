namespace WelfareGraph.Geography;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ConfigurePlace(codeLength: 8);
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

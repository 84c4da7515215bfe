using WelfareGraph.Geography;

namespace WelfareGraph.Charities;

internal sealed class CharityConfiguration : IEntityTypeConfiguration<Charity>
{
    public void Configure(EntityTypeBuilder<Charity> builder)
    {
        builder.ConfigureInstitution("charities", county => county.Charities);
        builder.Property(c => c.LicenceNo).HasMaxLength(40);
    }
}

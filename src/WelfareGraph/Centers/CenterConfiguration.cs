using WelfareGraph.Geography;

namespace WelfareGraph.Centers;

internal sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> builder)
    {
        builder.ConfigureInstitution("centers", county => county.Centers);
        builder.HasIndex(c => new { c.CountyId, c.Kind });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_centers_capacity", "capacity >= 0");
            t.HasCheckConstraint("ck_centers_residents", "residents >= 0");
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WelfareGraph.Centers;

internal sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> builder)
    {
        builder.ToTable("centers");
        builder.Property(c => c.Code).HasMaxLength(24);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.HasOne(c => c.County).WithMany(c => c.Centers)
            .HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CountyId, c.Kind });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_centers_capacity", "capacity >= 0");
            t.HasCheckConstraint("ck_centers_residents", "residents >= 0");
        });
    }
}

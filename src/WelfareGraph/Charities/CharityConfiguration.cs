using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WelfareGraph.Charities;

internal sealed class CharityConfiguration : IEntityTypeConfiguration<Charity>
{
    public void Configure(EntityTypeBuilder<Charity> builder)
    {
        builder.ToTable("charities");
        builder.Property(c => c.Code).HasMaxLength(24);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.LicenceNo).HasMaxLength(40);
        builder.HasOne(c => c.County).WithMany(c => c.Charities)
            .HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

namespace WelfareGraph.Households;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Pseudonym).HasMaxLength(64);
        builder.HasIndex(h => h.Pseudonym).IsUnique();
        builder.Property(h => h.SourceSystem).HasMaxLength(40);
        builder.HasOne(h => h.County).WithMany().HasForeignKey(h => h.CountyId).OnDelete(DeleteBehavior.Restrict);
        // Stock counts ask "covered on date D, by county and benefit".
        builder.HasIndex(h => new
        {
            h.CountyId,
            h.Benefit,
            h.CoveredSince,
            h.CoveredUntil,
        });
        builder.ToTable(t => t.HasCheckConstraint("ck_households_members", "members > 0"));
    }
}

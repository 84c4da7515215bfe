namespace WelfareGraph.Contributions;

/// <summary>
/// Contributions' EF configuration. It needs the provider's SQL, so <c>WelfareDbContext</c> applies it
/// itself; as an <see cref="IEntityTypeConfiguration{TEntity}"/> the assembly scan would try to construct it.
/// </summary>
internal static class ContributionConfiguration
{
    /// <param name="builder">The contributions' builder.</param>
    /// <param name="notRetractedSql">
    /// The provider's SQL for "not retracted", as it writes <c>!IsRetracted</c> in queries: the slicing index holds
    /// only the rows every total reads, and a database uses a partial index only where the query's condition
    /// matches the index's own.
    /// </param>
    public static void Configure(EntityTypeBuilder<Contribution> builder, string notRetractedSql)
    {
        builder.Property(c => c.SourceSystem).HasMaxLength(40);
        builder.Property(c => c.ExternalId).HasMaxLength(64);
        builder.Property(c => c.Description).HasMaxLength(500);
        builder.Property(c => c.RetractionReason).HasMaxLength(500);
        // A retracted record is kept for audit and the change feed, and is invisible everywhere else.
        builder.HasQueryFilter(ContributionFilters.NotRetracted, c => !c.IsRetracted);
        builder.Property(c => c.Quantity).HasPrecision(18, 3);

        builder.HasOne(c => c.County).WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Center).WithMany().HasForeignKey(c => c.CenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Charity).WithMany().HasForeignKey(c => c.CharityId).OnDelete(DeleteBehavior.Restrict);

        // Ingestion is idempotent on the sender's own key.
        builder.HasIndex(c => new { c.SourceSystem, c.ExternalId }).IsUnique();

        // Dashboards slice by period first, then county and type; carrying the amount lets
        // "sum by county x type x month" run from the index alone. Partial: retracted rows are never
        // summed, so they are not in it, and the NotRetracted filter costs no test per row.
        var slices = builder
            .HasIndex(c => new
            {
                c.SolarYear,
                c.SolarMonth,
                c.CountyId,
                c.Type,
                c.Sector,
            })
            .HasFilter(notRetractedSql);
        NpgsqlIndexBuilderExtensions.IncludeProperties(slices, c => c.AmountRial);
        SqlServerIndexBuilderExtensions.IncludeProperties(slices, c => c.AmountRial);
        builder.HasIndex(c => c.Date);
        builder.HasIndex(c => new { c.CountyId, c.Date });
        builder.HasIndex(c => c.CharityId);
        builder.HasIndex(c => c.CenterId);

        builder.ToTable(t => t.HasCheckConstraint("ck_contributions_amount", "amount_rial > 0"));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WelfareGraph.Geography;

namespace WelfareGraph.Ingestion;

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> builder)
    {
        builder.ToTable("change_feed");
        builder.HasKey(f => f.Sequence);
        // Assigned from the feed clock, in commit order; never by the database.
        builder.Property(f => f.Sequence).ValueGeneratedNever();
        builder.Property(f => f.SourceSystem).HasMaxLength(40);
        builder.Property(f => f.Key).HasMaxLength(64);
        builder.HasIndex(f => new { f.Entity, f.Sequence });
        builder.HasOne<County>().WithMany().HasForeignKey(f => f.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedClockConfiguration : IEntityTypeConfiguration<FeedClock>
{
    public void Configure(EntityTypeBuilder<FeedClock> builder)
    {
        builder.ToTable("feed_clock");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasData(new FeedClock { Id = 1, Value = 0 });
    }
}

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.ProvinceId, c.Year, c.Month }).IsUnique();
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.Property(r => r.PeriodLabel).HasMaxLength(40);
        builder.Property(r => r.PublishedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.ProvinceId, r.PublishedAt });
        builder.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

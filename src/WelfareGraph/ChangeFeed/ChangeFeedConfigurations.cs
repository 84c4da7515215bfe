using WelfareGraph.Geography;

namespace WelfareGraph.ChangeFeed;

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

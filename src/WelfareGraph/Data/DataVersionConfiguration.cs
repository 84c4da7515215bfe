namespace WelfareGraph.Data;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("data_version");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(
            new DataVersion
            {
                Id = DataVersionClock.RowId,
                Value = 0,
                ChangedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            }
        );
    }
}

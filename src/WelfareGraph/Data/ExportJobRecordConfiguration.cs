namespace WelfareGraph.Data;

internal sealed class ExportJobRecordConfiguration : IEntityTypeConfiguration<ExportJobRecord>
{
    public void Configure(EntityTypeBuilder<ExportJobRecord> builder)
    {
        builder.ToTable("export_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(32);
        builder.Property(j => j.Owner).HasMaxLength(128);
        builder.Property(j => j.Client).HasMaxLength(128);
        builder.Property(j => j.Roles).HasMaxLength(200);
        builder.Property(j => j.Permissions).HasMaxLength(400);
        builder.Property(j => j.Scope).HasMaxLength(1000);
        builder.Property(j => j.Format).HasMaxLength(16);
        builder.Property(j => j.Mode).HasMaxLength(16);
        builder.Property(j => j.State).HasMaxLength(16);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.StoredName).HasMaxLength(100);
        builder.Property(j => j.Error).HasMaxLength(1000);
        builder.Property(j => j.ErrorCode).HasMaxLength(64);
        builder.Property(j => j.Holder).HasMaxLength(64);
        // The running-jobs limit across servers (SQL Server filters out the nulls of a unique index by itself).
        builder.HasIndex(j => new { j.Owner, j.RunningSlot }).IsUnique();
        // The sweep looks for running jobs whose lease has passed, and for finished jobs past their retention.
        builder.HasIndex(j => new { j.State, j.LeaseExpiresAt });
        builder.HasIndex(j => j.FinishedAt);
    }
}

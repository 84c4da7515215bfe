namespace WelfareGraph.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Subject).HasMaxLength(128);
        builder.Property(a => a.Client).HasMaxLength(128);
        builder.Property(a => a.Roles).HasMaxLength(200);
        builder.Property(a => a.Scope).HasMaxLength(1000);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Operation).HasMaxLength(200);
        builder.Property(a => a.Document).HasMaxLength(100);
        builder.Property(a => a.Fields).HasMaxLength(1000);
        builder.Property(a => a.Outcome).HasMaxLength(400);
        builder.Property(a => a.Source).HasMaxLength(40);
        // Auditors ask "what did this caller do, when".
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Subject, a.At });
    }
}

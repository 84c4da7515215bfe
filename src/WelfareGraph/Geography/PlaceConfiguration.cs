namespace WelfareGraph.Geography;

internal static class PlaceConfiguration
{
    /// <summary>A place's code is unique (ingestion and every filter look places up by it); names fit 100 characters.</summary>
    public static void ConfigurePlace<TPlace>(this EntityTypeBuilder<TPlace> builder, int codeLength)
        where TPlace : Place
    {
        builder.Property(p => p.Code).HasMaxLength(codeLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameFa).HasMaxLength(100);
        builder.Property(p => p.NameEn).HasMaxLength(100);
    }
}

using System.Linq.Expressions;

namespace WelfareGraph.Geography;

/// <summary>The columns every <see cref="CountyInstitution"/> table has, configured alike.</summary>
internal static class CountyInstitutionConfiguration
{
    public static void ConfigureInstitution<T>(
        this EntityTypeBuilder<T> builder,
        string table,
        Expression<Func<County, IEnumerable<T>?>> ofCounty
    )
        where T : CountyInstitution
    {
        builder.ToTable(table);
        builder.Property(i => i.Code).HasMaxLength(24);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.HasOne(i => i.County).WithMany(ofCounty).HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}

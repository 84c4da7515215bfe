using Microsoft.EntityFrameworkCore;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;

namespace WelfareGraph.Data;

/// <summary>
/// The one model of the product. Each database provider has a thin subclass
/// (<see cref="SqliteWelfareDbContext"/> ...) only so that each keeps its own migrations.
/// </summary>
public abstract class WelfareDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<Charity> Charities => Set<Charity>();
    public DbSet<Center> Centers => Set<Center>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Contribution> Contributions => Set<Contribution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WelfareDbContext).Assembly);
}

public sealed class SqliteWelfareDbContext(DbContextOptions<SqliteWelfareDbContext> options) : WelfareDbContext(options);

public sealed class PostgresWelfareDbContext(DbContextOptions<PostgresWelfareDbContext> options) : WelfareDbContext(options);

public sealed class SqlServerWelfareDbContext(DbContextOptions<SqlServerWelfareDbContext> options) : WelfareDbContext(options);

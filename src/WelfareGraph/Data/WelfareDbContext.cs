using WelfareGraph.Centers;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Reports;
using WelfareGraph.Security;

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
    public DbSet<MonthlyContribution> MonthlyContributions => Set<MonthlyContribution>();
    public DbSet<CountyMonthlyContribution> CountyMonthlyContributions => Set<CountyMonthlyContribution>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<FeedEntry> ChangeFeed => Set<FeedEntry>();
    public DbSet<FeedClock> FeedClock => Set<FeedClock>();
    public DbSet<ClosedPeriod> ClosedPeriods => Set<ClosedPeriod>();
    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<ExportJobRecord> ExportJobs => Set<ExportJobRecord>();

    /// <summary>
    /// The rows this context may read and write (Security/ScopeFilters): set once, by the factory that made
    /// the context; a context nobody set it on sees nothing.
    /// </summary>
    public WelfareScope Scope
    {
        get;
        internal set
        {
            if (_scopeSet)
                throw new InvalidOperationException("A context's scope is set once, by the factory that creates it.");
            (field, _scopeSet) = (value, true);
        }
    } = WelfareScope.Nothing;
    private bool _scopeSet;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WelfareDbContext).Assembly);
        modelBuilder.Entity<Contribution>(c =>
            ContributionConfiguration.Configure(c, Database.IsSqlServer() ? "[is_retracted] = 0" : "NOT is_retracted")
        );
        modelBuilder.ApplyScopeFilters(this);
    }
}

public sealed class SqliteWelfareDbContext(DbContextOptions<SqliteWelfareDbContext> options) : WelfareDbContext(options);

public sealed class PostgresWelfareDbContext(DbContextOptions<PostgresWelfareDbContext> options) : WelfareDbContext(options);

public sealed class SqlServerWelfareDbContext(DbContextOptions<SqlServerWelfareDbContext> options) : WelfareDbContext(options);

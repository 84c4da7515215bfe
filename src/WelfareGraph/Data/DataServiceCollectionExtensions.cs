using Microsoft.EntityFrameworkCore.Diagnostics;
using WelfareGraph.Configuration;

namespace WelfareGraph.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers, for the configured provider, <see cref="IDbContextFactory{WelfareDbContext}"/> (contexts with the
    /// current caller's scope) and <see cref="SystemDbContextFactory"/> (the server's own work outside requests).
    /// </summary>
    public static IServiceCollection AddWelfareDatabase(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        services.AddSettings<DatabaseOptions>();
        // The provider decides which services exist, so it is read while composing; every other key comes from
        // the validated options once the container exists.
        var provider = configuration.GetValue("Database:" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("WelfareGraph");
        var readOnly = configuration.GetConnectionString("WelfareGraphReadOnly");
        if (!string.IsNullOrWhiteSpace(readOnly) && provider == DatabaseProvider.Sqlite)
            throw new InvalidOperationException(
                "ConnectionStrings:WelfareGraphReadOnly names a read replica, which only the Postgres and SqlServer providers have."
            );

        // Interceptors registered in DI (diagnostics, tests counting commands) join every context.
        // A factory, not a scoped context: GraphQL.NET resolves sibling fields in parallel,
        // and one DbContext must never serve two queries at once.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                AddFactories<SqliteWelfareDbContext>(
                    services,
                    (b, options) =>
                        Configure(
                            b,
                            options,
                            string.IsNullOrWhiteSpace(connectionString)
                                ? DefaultSqliteConnectionString(environment.ContentRootPath, options.SqliteFile)
                                : connectionString
                        )
                );
                break;
            case DatabaseProvider.Postgres:
                AddServerFactories<PostgresWelfareDbContext>();
                break;
            case DatabaseProvider.SqlServer:
                AddServerFactories<SqlServerWelfareDbContext>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, Postgres, SqlServer.");
        }
        return services;

        // A database server: its connection string is required, and it may have a read replica.
        void AddServerFactories<TContext>()
            where TContext : WelfareDbContext =>
            AddFactories<TContext>(services, (b, options) => Configure(b, options, Required(connectionString)), Replica(readOnly));
    }

    /// <summary>Applies the provider and the shared conventions; also used at design time and by tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        connectionString = ConnectTimeout.Apply(options.Provider, connectionString, options.ConnectTimeout);
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(connectionString)
                .AddInterceptors(new SqliteConnectionSetup(options.SqliteBusyTimeout)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(
                connectionString,
                sql => sql.UseCompatibilityLevel(options.SqlServerCompatibilityLevel)
            ),
            _ => throw new InvalidOperationException($"Unknown provider {options.Provider}."),
        };
        // snake_case everywhere, so hand-written SQL reads the same on every provider.
        return builder
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Every context checks its writes against its scope, however it was made.
            .AddInterceptors(ScopeWriteGuard.Instance)
            // Every command stops at its request's deadline, SQLite's and synchronous ones included.
            .AddInterceptors(CommandDeadline.Instance)
            // A database that went away leaves dead connections in the pool: dropped at the first failure.
            .AddInterceptors(OutagePoolReset.Instance)
            // The scope filters agree along every required navigation (a row's county, a county's province are in
            // scope whenever the row is), so EF's warning about filtered required ends does not apply.
            // A LIMIT without ORDER BY is deliberate where it only bounds a result read whole (the analytics
            // engine's cap on groups); every page the API serves is ordered with a key tie-breaker.
            .ConfigureWarnings(w =>
                w.Ignore(
                    CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning,
                    CoreEventId.RowLimitingOperationWithoutOrderByWarning
                )
            );
    }

    /// <summary>
    /// The provider's own factory makes contexts that see nothing (no scope); these are the ways to a context
    /// that sees something: the caller's scope inside a request, the system's outside one. The audit log is
    /// written through contexts of its own, without the DI interceptors, so that what diagnostics count (and
    /// tests assert) is the data a request reads, not the record of it.
    /// </summary>
    private static void AddFactories<TContext>(
        IServiceCollection services,
        Func<DbContextOptionsBuilder, DatabaseOptions, DbContextOptionsBuilder> configure,
        Func<DbContextOptionsBuilder, DatabaseOptions, DbContextOptionsBuilder>? configureReplica = null
    )
        where TContext : WelfareDbContext
    {
        var hasReplica = configureReplica is not null;
        services.AddDbContextFactory<TContext>(
            (sp, b) => configure(b, sp.GetRequiredService<DatabaseOptions>()).AddInterceptors(sp.GetServices<IInterceptor>())
        );
        services.AddHttpContextAccessor();
        services.AddSingleton<DataVersionClock>();
        // The replica's contexts carry the DI interceptors too: what a request reads is counted wherever it is read.
        services.AddSingleton(sp =>
        {
            if (!hasReplica)
                return new ReadReplica(null);
            var replica = configureReplica!(new DbContextOptionsBuilder<TContext>(), sp.GetRequiredService<DatabaseOptions>())
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .Options;
            return new ReadReplica(() => (WelfareDbContext)Activator.CreateInstance(typeof(TContext), replica)!);
        });
        services.AddSingleton<ReplicaLagMonitor>();
        services.AddSingleton<ReadRouting>();
        services.AddSingleton<IDbContextFactory<WelfareDbContext>, CallerDbContextFactory<TContext>>();
        services.AddSingleton(sp => new SystemDbContextFactory(
            sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext,
            sp.GetRequiredService<IHttpContextAccessor>()
        ));
        services.AddSingleton(sp =>
        {
            var bookkeeping = configure(new DbContextOptionsBuilder<TContext>(), sp.GetRequiredService<DatabaseOptions>()).Options;
            return new BookkeepingDbContextFactory(() => (WelfareDbContext)Activator.CreateInstance(typeof(TContext), bookkeeping)!);
        });
    }

    public static string DefaultSqliteConnectionString(string contentRoot, string file)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, file));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path}";
    }

    /// <summary>How the replica's contexts are configured, or null when no replica is.</summary>
    private static Func<DbContextOptionsBuilder, DatabaseOptions, DbContextOptionsBuilder>? Replica(string? readOnly) =>
        string.IsNullOrWhiteSpace(readOnly) ? null : (b, options) => Configure(b, options, readOnly);

    private static string Required(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("ConnectionStrings:WelfareGraph must be set for the Postgres and SqlServer providers.")
            : connectionString;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDbContextFactory{WelfareDbContext}"/> for the configured provider.</summary>
    public static IServiceCollection AddWelfareDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("WelfareGraph");

        // Interceptors registered in DI (diagnostics, tests counting commands) join every context.
        // A factory, not a scoped context: GraphQL.NET resolves sibling fields in parallel,
        // and one DbContext must never serve two queries at once.
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(connectionString)
                    ? DefaultSqliteConnectionString(environment.ContentRootPath, options.SqliteFile)
                    : connectionString;
                services.AddDbContextFactory<SqliteWelfareDbContext>((sp, b) => Configure(b, options, sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<WelfareDbContext>, UpcastFactory<SqliteWelfareDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresWelfareDbContext>((sp, b) => Configure(b, options, Required(connectionString)).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<WelfareDbContext>, UpcastFactory<PostgresWelfareDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerWelfareDbContext>((sp, b) => Configure(b, options, Required(connectionString)).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<WelfareDbContext>, UpcastFactory<SqlServerWelfareDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer.");
        }
        return services;
    }

    /// <summary>Applies the provider and the shared conventions; also used at design time and by tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(new SqlitePersianCollation()),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString,
                sql => sql.UseCompatibilityLevel(options.SqlServerCompatibilityLevel)),
            _ => throw new InvalidOperationException($"Unknown provider {options.Provider}."),
        };
        // snake_case everywhere, so hand-written SQL reads the same on every provider.
        return builder.UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    public static string DefaultSqliteConnectionString(string contentRoot, string file)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, file));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path}";
    }

    private static string Required(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("ConnectionStrings:WelfareGraph must be set for the Postgres and SqlServer providers.")
            : connectionString;

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WelfareDbContext>
        where TContext : WelfareDbContext
    {
        public WelfareDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

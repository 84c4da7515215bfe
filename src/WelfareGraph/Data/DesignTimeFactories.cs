using Microsoft.EntityFrameworkCore.Design;

namespace WelfareGraph.Data;

// `dotnet ef migrations add X --context <Provider>WelfareDbContext` builds the model through these,
// without a host or a reachable server. The connection strings are placeholders: no connection is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWelfareDbContext>
{
    public SqliteWelfareDbContext CreateDbContext(string[] args) =>
        new(Build<SqliteWelfareDbContext>(DatabaseProvider.Sqlite, "Data Source=design.db"));

    internal static DbContextOptions<T> Build<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider }, connectionString);
        return builder.Options;
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWelfareDbContext>
{
    public PostgresWelfareDbContext CreateDbContext(string[] args) =>
        new(SqliteDesignTimeFactory.Build<PostgresWelfareDbContext>(DatabaseProvider.Postgres, "Host=localhost;Database=welfaregraph"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWelfareDbContext>
{
    public SqlServerWelfareDbContext CreateDbContext(string[] args) =>
        new(
            SqliteDesignTimeFactory.Build<SqlServerWelfareDbContext>(
                DatabaseProvider.SqlServer,
                "Server=localhost;Database=WelfareGraph;TrustServerCertificate=true"
            )
        );
}

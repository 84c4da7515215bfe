namespace WelfareGraph.Tests.Infrastructure;

/// <summary>One server on a fresh SQLite file with the demo data, shared by a test class.</summary>
public sealed class SqliteDemoServer : IDisposable
{
    public SqliteDemoServer()
    {
        Factory = new WelfareGraphFactory();
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public WelfareGraphFactory Factory { get; }
    public GraphQLClient Client { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>One server on a fresh database of the test PostgreSQL cluster, migrated and loaded with the demo data.</summary>
public sealed class PostgresDemoServer : IAsyncLifetime
{
    public WelfareGraphFactory Factory { get; private set; } = null!;
    public GraphQLClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        var connectionString = await postgres.CreateDatabaseAsync("demo");
        Factory = new WelfareGraphFactory(
            new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:WelfareGraph"] = connectionString }
        );
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// A server on an empty database (no demo data) loaded with a second, randomly generated data set:
/// tests compute their expectations from <see cref="Set"/> in plain C#.
/// </summary>
public abstract class GeneratedDataServer : IAsyncLifetime
{
    public static readonly DataSetSpec SecondSpec = RandomDataSet.Spec(
        seed: 20251231,
        ["IR-19", "IR-23", "IR-07"],
        countiesPerProvince: 4,
        contributions: 6_000
    );

    public WelfareGraphFactory Factory { get; private set; } = null!;
    public GraphQLClient Client { get; private set; } = null!;
    public GeneratedDataSet Set { get; } = DataSetGenerator.Generate(SecondSpec);

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        settings["Database:SeedDemoData"] = "false";
        Factory = new WelfareGraphFactory(settings);
        Client = new GraphQLClient(Factory.CreateClient()); // starts the host: migrations run
        // Loading a data set is the server's own work, outside any request: the system scope.
        await using var db = Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        await DataSetWriter.WriteAsync(db, Set);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SqliteGeneratedDataServer : GeneratedDataServer
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class PostgresGeneratedDataServer : GeneratedDataServer
{
    /// <summary>The database's connection string, for hand-written SQL beside the server.</summary>
    public string ConnectionString { get; private set; } = "";

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        ConnectionString = await postgres.CreateDatabaseAsync("generated");
        return new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:WelfareGraph"] = ConnectionString };
    }
}

using WelfareGraph.Data.Generation;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Data;

/// <summary>
/// Migrates the database and loads the demo data on first start, before the server takes requests: the
/// server's own work, so with the system scope.
/// </summary>
internal sealed class DatabaseInitializer(SystemDbContextFactory factory, DatabaseOptions options, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider}).", options.Provider);
        }
        if (options.SeedDemoData && !await db.Counties.AnyAsync(cancellationToken))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var set = DataSetGenerator.Generate(DemoDataSet.Spec);
            await DataSetWriter.WriteAsync(db, set, cancellationToken);
            logger.LogInformation(
                "Loaded the Zanjan demo data set: {Contributions} contributions, {Households} households in {Elapsed} ms.",
                set.Contributions.Count,
                set.Households.Count,
                started.ElapsedMilliseconds
            );
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Ingestion;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Rollups;

/// <summary>
/// Eight writers at once on the real PostgreSQL, with overlapping batches that insert, update (moving records
/// between cells) and retract the same records: afterwards every cell equals the facts, by the verify command's
/// comparison and by hand-written SQL over both tables.
/// </summary>
public sealed class ConcurrentRollupWritersTests : IAsyncLifetime
{
    private WelfareGraphFactory _server = null!;
    private string _connection = "";

    public async Task InitializeAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        _connection = await postgres.CreateDatabaseAsync("rollup_writers");
        _server = new WelfareGraphFactory(
            new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:WelfareGraph"] = _connection }
        );
        _server.CreateClient().Dispose(); // migrates and loads the demo data
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Eight_writers_updating_and_retracting_the_same_records_leave_the_rollup_equal_to_the_facts()
    {
        var services = _server.Services;
        var system = services.GetRequiredService<SystemDbContextFactory>();
        string[] counties = ["IR-19-01", "IR-19-02", "IR-19-03"];
        string[] types = ["CASH", "IN_KIND", "VOLUNTEER_SERVICE"];

        async Task WriterAsync(int seed)
        {
            var random = new Random(seed);
            for (var round = 0; round < 12; round++)
            {
                await using var db = system.CreateDbContext();
                await using var reference = system.CreateDbContext();
                if (round % 4 == 3)
                {
                    var ids = Enumerable.Range(0, 6).Select(_ => $"w-{random.Next(40)}").ToList();
                    await services.GetRequiredService<Retraction>().RetractAsync(db, "concurrent", ids, "overlap", CancellationToken.None);
                    continue;
                }
                // Few records, many writers: most batches touch records (and cells) another writer is changing.
                var records = Enumerable
                    .Range(0, 15)
                    .Select(_ => random.Next(40))
                    .Distinct()
                    .Select(i => new ContributionRecord
                    {
                        ExternalId = $"w-{i}",
                        Date = $"1404-0{random.Next(1, 4)}-1{random.Next(0, 10)}",
                        CountyCode = counties[random.Next(counties.Length)],
                        Type = types[random.Next(types.Length)],
                        Sector = "GOVERNMENT",
                        Channel = "ONLINE",
                        AmountRial = random.Next(1_000, 5_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    })
                    .ToList();
                var result = await services
                    .GetRequiredService<BatchWriter>()
                    .UpsertAsync(
                        services.GetRequiredService<ContributionMapping>(),
                        db,
                        reference,
                        new UpsertBatch<ContributionRecord>("concurrent", records),
                        CancellationToken.None
                    );
                Assert.Empty(result.Errors);
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 8).Select(seed => Task.Run(() => WriterAsync(seed))));

        await using (var db = system.CreateDbContext())
            Assert.Equal(0L, await MonthlyRollup.VerifyAsync(db));

        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        async Task<(long, long, long)> ReadAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        var facts = await ReadAsync(
            "SELECT COALESCE(SUM(amount_rial), 0)::bigint, COUNT(*), COUNT(DISTINCT (solar_year, "
                + "solar_month, county_id, type, sector, intent, channel)) FROM contributions WHERE NOT is_retracted"
        );
        var cells = await ReadAsync(
            "SELECT COALESCE(SUM(sum_rial), 0)::bigint, COALESCE(SUM(row_count), 0)::bigint, COUNT(*) FROM contributions_monthly"
        );
        Assert.Equal(facts, cells);
        var (written, retracted, _) = await ReadAsync(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE is_retracted), 0::bigint FROM contributions WHERE source_system = 'concurrent'"
        );
        Assert.True(written >= 30 && retracted > 0, $"{written} records written, {retracted} retracted");
    }
}

using Microsoft.Data.Sqlite;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Rollups;

/// <summary>
/// <c>rollups verify</c> and <c>rollups rebuild</c> run as the real program on the configured database: verify
/// exits 0 on the demo data, 1 naming the year once a cell of either rollup is changed behind the server's back
/// (and once one is missing), and rebuild restores every cell.
/// </summary>
public sealed class RollupsCommandTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"welfaregraph-rollups-cli-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Verify_finds_a_changed_or_missing_cell_and_rebuild_restores_it()
    {
        var first = await RunAsync("verify"); // migrates and loads the demo data, as the server would
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("Verified 1404 (2/2 years): exact.", first.Output);
        var cells = Scalar("SELECT COUNT(*) FROM contributions_monthly");
        Assert.Equal(
            Scalar(
                "SELECT COUNT(*) FROM (SELECT DISTINCT solar_year, solar_month, county_id, "
                    + "type, sector, intent, channel FROM contributions WHERE NOT is_retracted)"
            ),
            cells
        );
        var countyCells = Scalar("SELECT COUNT(*) FROM contributions_county_monthly");
        Assert.Equal(
            Scalar(
                "SELECT COUNT(*) FROM (SELECT DISTINCT solar_year, solar_month, county_id, type FROM contributions WHERE NOT is_retracted)"
            ),
            countyCells
        );

        Execute(
            "UPDATE contributions_monthly SET max_rial = max_rial + 1 WHERE solar_year = 1403 "
                + "AND rowid = (SELECT MIN(rowid) FROM contributions_monthly WHERE solar_year = 1403)"
        );
        Execute("DELETE FROM contributions_monthly WHERE rowid = (SELECT MAX(rowid) FROM contributions_monthly WHERE solar_year = 1404)");
        Execute(
            "UPDATE contributions_county_monthly SET sum_rial = sum_rial + 1 WHERE rowid = "
                + "(SELECT MIN(rowid) FROM contributions_county_monthly WHERE solar_year = 1403)"
        );
        var broken = await RunAsync("verify");
        Assert.True(broken.ExitCode == 1, broken.Output + broken.Error);
        Assert.Contains("Verified 1403 (1/2 years): 2 cells differ from the facts.", broken.Output);
        Assert.Contains("Verified 1404 (2/2 years): 1 cell differs from the facts.", broken.Output);

        var rebuilt = await RunAsync("rebuild");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output + rebuilt.Error);
        Assert.Contains("Rebuilt 1403 (1/2 years).", rebuilt.Output);
        Assert.Equal(cells, Scalar("SELECT COUNT(*) FROM contributions_monthly"));
        Assert.Equal(countyCells, Scalar("SELECT COUNT(*) FROM contributions_county_monthly"));
        Assert.Equal(0, (await RunAsync("verify")).ExitCode);
    }

    private Task<ChildProcess.Result> RunAsync(string command) =>
        ChildProcess.RunAsync(
            "dotnet",
            ["exec", RepositoryPaths.ServerAssembly, "rollups", command],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__WelfareGraph"] = $"Data Source={_database};Pooling=false",
            }
        );

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=false");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=false");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}

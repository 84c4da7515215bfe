using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Ingestion;

/// <summary>
/// The bulk import CLI as a real process: killed with SIGKILL half-way and run again, it ends with exactly the file's rows.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("welfaregraph-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_import_killed_half_way_and_rerun_finishes_without_duplicates()
    {
        const int rows = 40_000;
        var file = Path.Combine(_folder, "contributions.csv");
        var database = Path.Combine(_folder, "import.db");
        var expected = WriteCsv(file, rows);

        // First run: killed with SIGKILL once the progress output passes 30 %.
        using (var first = Start(file, database))
        {
            var pastThird = new TaskCompletionSource();
            first.ErrorDataReceived += (_, e) =>
            {
                if (
                    e.Data is { } line
                    && line.Contains('%')
                    && int.TryParse(line.Split('%')[0].Split(']')[^1].Trim(), out var percent)
                    && percent >= 30
                )
                    pastThird.TrySetResult();
            };
            first.BeginErrorReadLine();
            first.BeginOutputReadLine();
            var finished = first.WaitForExitAsync();
            Assert.Same(pastThird.Task, await Task.WhenAny(pastThird.Task, finished.WaitAsync(TimeSpan.FromMinutes(5))));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var partial = Stored(database);
        Assert.InRange(partial.Count, 1, rows - 1);

        // Second run: picks up after the last committed batch and completes.
        using var second = Start(file, database);
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.True(second.ExitCode == 2, $"exit {second.ExitCode}: {output}{await second.StandardError.ReadToEndAsync()}");
        Assert.Equal(expected, Stored(database));
        Assert.Contains("rejected", output);
        var rejected = File.ReadAllLines(file + ".rejected.csv");
        Assert.Contains(rejected, l => l.Contains("INVALID_DATE") && l.Contains("bad-date"));
        Assert.False(File.Exists(file + ".checkpoint"));
    }

    /// <summary>Writes the file and returns the count and rial sum of its valid rows (every 1,000th row is invalid).</summary>
    private static (int Count, long Sum) WriteCsv(string file, int rows)
    {
        using var writer = new StreamWriter(file, false, new UTF8Encoding(true));
        writer.WriteLine("externalId,date,countyCode,type,sector,intent,channel,amountRial,description");
        var (count, sum) = (0, 0L);
        for (var i = 1; i <= rows; i++)
        {
            var amount = 10_000L * (1 + i % 97);
            var bad = i % 1_000 == 0;
            var date = bad ? "1404-12-30" : $"1404-{1 + i % 9:D2}-{1 + i % 28:D2}";
            var prefix = bad ? "bad-date-" : "row-";
            var type = i % 3 == 0 ? "IN_KIND" : "CASH";
            writer.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{prefix}{i},{date},IR-19-0{1 + i % 8},{type},GOVERNMENT,LIVELIHOOD,COLLECTION_BASE,{amount},\"ردیف {i}, آزمایشی\""
                )
            );
            if (!bad)
                (count, sum) = (count + 1, sum + amount);
        }
        return (count, sum);
    }

    private static Process Start(string file, string database)
    {
        // tests/WelfareGraph.Tests/bin/<Configuration>/net10.0/: the server was built in the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!);
        var server = Path.Combine(RepositoryPaths.Root, "src", "WelfareGraph", "bin", configuration, "net10.0", "WelfareGraph.dll");
        var start = new ProcessStartInfo(
            "dotnet",
            ["exec", server, "import", "contributions", file, "--source", "cli-test", "--batch-size", "500"]
        )
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__WelfareGraph"] = $"Data Source={database}";
        return Process.Start(start)!;
    }

    private static (int Count, long Sum) Stored(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        // Hand-written SQL, independent of the server's code.
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(amount_rial), 0) FROM contributions WHERE source_system = 'cli-test'";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }
}

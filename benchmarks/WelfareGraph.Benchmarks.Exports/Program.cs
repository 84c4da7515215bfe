using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Geography;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Benchmarks.Statistics;

// Underlying exports through the real server against PostgreSQL's COPY of the same rows:
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Exports -- [sizes, e.g. 100000,1000000] [runs]
// For each size: a fresh database loaded with that many generated contributions, then a server process of its own
// (the published build on Kestrel, loopback, as Power BI or a browser would download), and
//   COPY (SELECT <the export's columns, joined>) TO STDOUT WITH CSV   — the limit for any export,
//       read through Npgsql and through psql; the faster of the two is the reference
//   POST /exports {mode: underlying, format: csv}                     — target <= 1.5 x COPY
//   POST /exports {mode: underlying, format: xlsx}                    — reported
// and the server process's peak resident memory while each export runs (VmHWM, reset before each), which must stay
// flat as rows grow: 1M within 20 % of 100k.
var sizes = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var root = FindRoot();
var server = Path.Combine(root, "src", "WelfareGraph", "bin", "Release", "net10.0", "WelfareGraph.dll");
if (!File.Exists(server))
    throw new InvalidOperationException($"Build the server first: dotnet build -c Release src/WelfareGraph ({server} is missing).");

await using var postgres = new PostgresServer();
await postgres.InitializeAsync();
var results = new List<Result>();
foreach (var size in sizes)
{
    var connectionString = await postgres.CreateDatabaseAsync($"exports_{size}");
    await LoadAsync(connectionString, size);
    await using (var connection = new NpgsqlConnection(connectionString))
    {
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    using var process = await StartServerAsync(server, root, connectionString);
    using var http = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromMinutes(30) };
    // Warm up: the database's cache for both sides, and the server's JIT up to its optimised tier (a running
    // server is warm; the first few exports of a fresh process run partly unoptimised code).
    await CopyAsync(connectionString);
    await PsqlCopyAsync(connectionString);
    for (var i = 0; i < 4; i++)
        await ExportAsync(http, "csv");
    await ExportAsync(http, "xlsx");

    var copy = new List<double>();
    var psql = new List<double>();
    var csv = new List<double>();
    var xlsx = new List<double>();
    long copyBytes = 0,
        csvBytes = 0,
        xlsxBytes = 0,
        csvPeak = 0,
        xlsxPeak = 0;
    for (var run = 0; run < runs; run++)
    {
        (var seconds, copyBytes) = await TimeAsync(() => CopyAsync(connectionString));
        copy.Add(seconds);
        (seconds, _) = await TimeAsync(() => PsqlCopyAsync(connectionString));
        psql.Add(seconds);
        process.ResetPeak();
        (seconds, csvBytes) = await TimeAsync(() => ExportAsync(http, "csv"));
        csv.Add(seconds);
        csvPeak = Math.Max(csvPeak, process.PeakBytes());
        process.ResetPeak();
        (seconds, xlsxBytes) = await TimeAsync(() => ExportAsync(http, "xlsx"));
        xlsx.Add(seconds);
        xlsxPeak = Math.Max(xlsxPeak, process.PeakBytes());
    }
    var result = new Result(
        size,
        Math.Min(Median(copy), Median(psql)),
        Median(csv),
        Median(xlsx),
        copyBytes,
        csvBytes,
        xlsxBytes,
        csvPeak,
        xlsxPeak
    );
    results.Add(result);
    Console.WriteLine(
        $"{size.ToString("N0").PadLeft(9)} rows: COPY via Npgsql {Median(copy):F2} s, "
            + $"via psql {Median(psql):F2} s; the faster is the reference"
    );
    Console.WriteLine(
        $"{size.ToString("N0").PadLeft(9)} rows: COPY {result.Copy.ToString("F2").PadLeft(6)} s ({copyBytes / 1e6:F0} M chars) "
            + $"| CSV export {result.Csv.ToString("F2").PadLeft(6)} s ({csvBytes / 1e6:F0} MB) = {result.Csv / result.Copy:F2} x COPY | "
            + $"XLSX export {result.Xlsx.ToString("F2").PadLeft(6)} s ({xlsxBytes / 1e6:F0} MB) "
            + $"= {result.Xlsx / result.Copy:F2} x COPY | server peak RSS: CSV {csvPeak / 1e6:F0} MB, XLSX {xlsxPeak / 1e6:F0} MB"
    );
}

Console.WriteLine();
Console.WriteLine(
    "| rows | COPY (s) | CSV export (s) | CSV / COPY | XLSX export (s) | XLSX / COPY | peak RSS CSV (MB) | peak RSS XLSX (MB) |"
);
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine(
        $"| {r.Rows:N0} | {r.Copy:F2} | {r.Csv:F2} | {r.Csv / r.Copy:F2} | {r.Xlsx:F2} "
            + $"| {r.Xlsx / r.Copy:F2} | {r.CsvPeak / 1e6:F0} | {r.XlsxPeak / 1e6:F0} |"
    );
if (results.Count >= 2)
{
    var (small, large) = (results[0], results[^1]);
    Console.WriteLine(
        $"peak memory {large.Rows:N0} vs {small.Rows:N0} rows: CSV {(double)large.CsvPeak / small.CsvPeak:F2} x, "
            + $"XLSX {(double)large.XlsxPeak / small.XlsxPeak:F2} x (target within 1.20 x)"
    );
}

static async Task LoadAsync(string connectionString, int size)
{
    // The in-process host migrates the database and writes the set with binary COPY, then goes away with the set.
    var clock = Stopwatch.StartNew();
    using var host = new WelfareGraphFactory(
        new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:WelfareGraph"] = connectionString,
            ["Database:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        }
    );
    host.CreateClient().Dispose();
    var provinces = ProvinceReferenceData.All.Take(31).Select(p => p.Code).ToList();
    var set = DataSetGenerator.Generate(
        RandomDataSet.Spec(seed: 1404, provinces, countiesPerProvince: 4, contributions: size, sourceSystem: "bench")
    );
    await using (var db = host.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext())
        await DataSetWriter.WriteAsync(db, set);
    Console.WriteLine($"{set.Contributions.Count:N0} contributions generated and loaded in {clock.Elapsed.TotalSeconds:F1} s");
}

// The export's columns, from the same tables, as text: what a file of these rows holds.
static async Task<long> CopyAsync(string connectionString)
{
    // Read as the text it is (COPY ... CSV is a text transfer), every character of it.
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    using var reader = await connection.BeginTextExportAsync(CopySql.Text);
    var buffer = new char[1 << 16];
    long characters = 0;
    int read;
    while ((read = await reader.ReadAsync(buffer, 0, buffer.Length)) > 0)
        characters += read;
    return characters;
}

// The same COPY through psql, PostgreSQL's own client, to a pipe: the database's side alone, with no .NET decoding.
static async Task<long> PsqlCopyAsync(string connectionString)
{
    var builder = new NpgsqlConnectionStringBuilder(connectionString);
    var info = new ProcessStartInfo("/usr/lib/postgresql/15/bin/psql") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (
        var argument in new[]
        {
            "-h",
            builder.Host!,
            "-p",
            builder.Port.ToString(CultureInfo.InvariantCulture),
            "-U",
            builder.Username!,
            "-d",
            builder.Database!,
            "-X",
            "-q",
            "-c",
            CopySql.Text.ReplaceLineEndings(" "),
        }
    )
        info.ArgumentList.Add(argument);
    using var process = Process.Start(info)!;
    var buffer = new byte[1 << 16];
    long bytes = 0;
    int read;
    while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
        bytes += read;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
        throw new InvalidOperationException("psql: " + await process.StandardError.ReadToEndAsync());
    return bytes;
}

static async Task<long> ExportAsync(HttpClient http, string format)
{
    using var response = await http.PostAsJsonAsync(
        "/exports",
        new
        {
            query = "{ contributionTotals { total { count } } }",
            mode = "underlying",
            format,
        },
        CancellationToken.None
    );
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[1 << 16];
    long bytes = 0;
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0)
        bytes += read;
    return bytes;
}

static async Task<(double Seconds, long Bytes)> TimeAsync(Func<Task<long>> run)
{
    var clock = Stopwatch.StartNew();
    var bytes = await run();
    return (clock.Elapsed.TotalSeconds, bytes);
}

static async Task<ServerProcess> StartServerAsync(string dll, string root, string connectionString)
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    var info = new ProcessStartInfo("dotnet")
    {
        WorkingDirectory = root,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
        info.ArgumentList.Add(argument);
    // Development without AzureAd: loopback requests run as the local developer (every role, national scope).
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    info.Environment["Database__Provider"] = "Postgres";
    info.Environment["ConnectionStrings__WelfareGraph"] = connectionString;
    info.Environment["Database__SeedDemoData"] = "false";
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    info.Environment["GraphQL__RateLimit__PermitLimit"] = "100000";
    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
            Console.Error.WriteLine("server: " + e.Data);
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    var address = new Uri($"http://127.0.0.1:{port}");
    using var probe = new HttpClient { BaseAddress = address };
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                break;
        }
        catch (HttpRequestException) { }
        if (process.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(2))
            throw new InvalidOperationException("The server did not start.");
        await Task.Delay(200);
    }
    return new ServerProcess(process, address);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "WelfareGraph.sln")))
            return dir.FullName;
    throw new InvalidOperationException("WelfareGraph.sln not found");
}

sealed record Result(
    int Rows,
    double Copy,
    double Csv,
    double Xlsx,
    long CopyBytes,
    long CsvBytes,
    long XlsxBytes,
    long CsvPeak,
    long XlsxPeak
);

/// <summary>The server under measurement, in a process of its own so that its memory is its own.</summary>
sealed class ServerProcess(Process process, Uri address) : IDisposable
{
    public Uri Address => address;

    /// <summary>Linux keeps the peak resident set (VmHWM) per process; writing 5 to clear_refs starts it again from now.</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");

    public long PeakBytes() =>
        File.ReadLines($"/proc/{process.Id}/status")
            .Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
            .Single();

    public void Dispose()
    {
        // Only this process, which the benchmark started.
        if (!process.HasExited)
            process.Kill();
        process.WaitForExit();
        process.Dispose();
    }
}

static class CopySql
{
    public const string Text = """
        COPY (SELECT c.id, c.date, c.solar_year, c.solar_quarter, c.solar_month,
                CASE c.type WHEN 1 THEN 'CASH' WHEN 2 THEN 'IN_KIND' ELSE 'VOLUNTEER_SERVICE' END,
                CASE c.sector WHEN 1 THEN 'GOVERNMENT' ELSE 'CHARITY' END,
                CASE c.intent WHEN 1 THEN 'EDUCATION_CULTURE_SPORT' WHEN 2 THEN 'LIVELIHOOD' WHEN 3 THEN 'FACILITY_CONSTRUCTION'
                  WHEN 4 THEN 'EQUIPMENT' ELSE 'UNRESTRICTED' END,
                CASE c.channel WHEN 1 THEN 'COLLECTION_BASE' WHEN 2 THEN 'BANK_ACCOUNT' WHEN 3 THEN 'CHARITY_INSTITUTION'
                  WHEN 4 THEN 'CENTER_DIRECT' ELSE 'ONLINE' END,
                c.amount_rial, c.quantity, c.quantity_unit, c.valuation_basis, c.description,
                p.code, p.name_fa, p.name_en, k.code, k.name_fa, k.name_en, ce.code, ce.name, ch.code, ch.name, c.source_system,
                c.external_id
              FROM contributions c JOIN counties k ON k.id = c.county_id JOIN provinces p ON p.id = k.province_id
              LEFT JOIN centers ce ON ce.id = c.center_id LEFT JOIN charities ch ON ch.id = c.charity_id
              WHERE NOT c.is_retracted ORDER BY c.id) TO STDOUT WITH CSV HEADER
        """;
}

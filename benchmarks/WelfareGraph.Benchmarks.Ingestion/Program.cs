using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using WelfareGraph.Benchmarks;
using WelfareGraph.Tests.Infrastructure;

// Ingestion throughput against PostgreSQL's own COPY of the same rows, on one throwaway cluster:
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks.Ingestion -- [rows]
// Targets, as shares of COPY's rows per second: the CLI importer at least 25 %, the GraphQL API at least 10 %.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var folder = Directory.CreateTempSubdirectory("welfaregraph-ingestion-bench-").FullName;
var file = Path.Combine(folder, "contributions.csv");
Console.WriteLine($"Generating {rows:N0} rows ...");
ContributionsFile.Write(file, rows);

await using var postgres = new PostgresServer();
await postgres.InitializeAsync();
var connectionString = await postgres.CreateDatabaseAsync("ingest");
using var host = new WelfareGraphFactory(
    new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:WelfareGraph"] = connectionString }
);
var http = host.CreateClient(); // starts the server: migrations and the Zanjan demo data (counties)
http.Timeout = TimeSpan.FromMinutes(10);

// 1. COPY of the same rows into a table shaped like contributions (same columns, indexes and constraints).
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand("CREATE TABLE copy_target (LIKE contributions INCLUDING ALL)", connection))
        await create.ExecuteNonQueryAsync();
}
var copy = await TimeAsync(async () =>
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var writer = await connection.BeginTextImportAsync(
        "COPY copy_target (external_id, date, solar_year, solar_quarter, solar_month, county_id, type, sector, "
            + "intent, channel, amount_rial, description, source_system, is_retracted) FROM STDIN (FORMAT csv)"
    );
    var counties = await CountyIdsAsync(connectionString);
    foreach (var line in File.ReadLines(file).Skip(1))
    {
        var f = line.Split(',');
        var date = DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var solar = WelfareGraph.Periods.SolarDate.FromGregorian(date);
        await writer.WriteLineAsync(
            string.Join(
                ',',
                f[0],
                f[1],
                solar.Year,
                solar.Quarter,
                solar.Month,
                counties[f[2]],
                Enum(f[3]),
                Enum(f[4]),
                Enum(f[5]),
                Enum(f[6]),
                f[7],
                f[8],
                "copy",
                "false"
            )
        );
    }
});

// 2. The import CLI as a real process, started the way an operator would.
var cli = await TimeAsync(async () =>
    Console.WriteLine("  CLI: " + await ContributionsImport.RunAsync(file, connectionString, "bench-cli"))
);

// 3. The GraphQL API, in batches of 5,000, as a national system would send them.
var api = await TimeAsync(async () =>
{
    var batch = new List<object>(5_000);
    async Task SendAsync()
    {
        var response = await http.PostAsJsonAsync(
            "/graphql",
            new
            {
                query = "mutation($input: UpsertContributionsInput!) { upsertContributions(input: $input) { inserted errors { code } } }",
                variables = new { input = new { sourceSystem = "bench-api", items = batch } },
            }
        );
        response.EnsureSuccessStatusCode();
        batch.Clear();
    }
    foreach (var line in File.ReadLines(file).Skip(1))
    {
        var f = line.Split(',');
        batch.Add(
            new
            {
                externalId = f[0],
                date = f[1],
                countyCode = f[2],
                type = f[3],
                sector = f[4],
                intent = f[5],
                channel = f[6],
                amountRial = long.Parse(f[7], CultureInfo.InvariantCulture),
                description = f[8],
            }
        );
        if (batch.Count == 5_000)
            await SendAsync();
    }
    if (batch.Count > 0)
        await SendAsync();
});

var stored = await CountAsync(connectionString);
Console.WriteLine();
Console.WriteLine($"rows: {rows:N0}   stored: copy {stored.Copy:N0}, cli {stored.Cli:N0}, api {stored.Api:N0}");
Report("COPY (reference)", copy, copy);
Report("import CLI", cli, copy);
Report("GraphQL API", api, copy);
Directory.Delete(folder, recursive: true);
return;

void Report(string name, TimeSpan time, TimeSpan reference) =>
    Console.WriteLine(
        $"{name.PadRight(18)} {time.TotalSeconds.ToString("N1").PadLeft(8)} s "
            + $"{(rows / time.TotalSeconds).ToString("N0").PadLeft(12)} rows/s "
            + $"{(reference.TotalSeconds / time.TotalSeconds).ToString("P0").PadLeft(8)} of COPY"
    );

static async Task<TimeSpan> TimeAsync(Func<Task> work)
{
    var clock = Stopwatch.StartNew();
    await work();
    return clock.Elapsed;
}

static int Enum(string constant) =>
    constant switch
    {
        "CASH" or "GOVERNMENT" or "EDUCATION_CULTURE_SPORT" or "COLLECTION_BASE" => 1,
        "IN_KIND" or "CHARITY" or "LIVELIHOOD" or "BANK_ACCOUNT" => 2,
        "VOLUNTEER_SERVICE" or "FACILITY_CONSTRUCTION" or "CHARITY_INSTITUTION" => 3,
        "EQUIPMENT" or "CENTER_DIRECT" => 4,
        _ => 5,
    };

static async Task<Dictionary<string, int>> CountyIdsAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT code, id FROM counties", connection);
    await using var reader = await command.ExecuteReaderAsync();
    var ids = new Dictionary<string, int>();
    while (await reader.ReadAsync())
        ids[reader.GetString(0)] = reader.GetInt32(1);
    return ids;
}

static async Task<(long Copy, long Cli, long Api)> CountAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    async Task<long> Count(string sql)
    {
        await using var c = new NpgsqlCommand(sql, connection);
        return (long)(await c.ExecuteScalarAsync())!;
    }
    return (
        await Count("SELECT COUNT(*) FROM copy_target"),
        await Count("SELECT COUNT(*) FROM contributions WHERE source_system = 'bench-cli'"),
        await Count("SELECT COUNT(*) FROM contributions WHERE source_system = 'bench-api'")
    );
}

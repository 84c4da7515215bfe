using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Geography;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Benchmarks.Statistics;

// contributionTotals end to end (HTTP POST to the real server on Kestrel, JSON out) against the hand-written
// SQL for the same question on the same PostgreSQL connection:
//   dotnet run -c Release --project benchmarks/WelfareGraph.Benchmarks -- [contributions] [provinces] [countiesPerProvince] [runs]
// "Sum and count of amountRial by county, type and Solar Hijri month for 1404, months 1–9."
// Targets: from the facts, the GraphQL round trip within 1.3 × the hand-written SQL; from the rollup (the default), at
// 10,000,000 rows at most 1.2 × its time at 1,000,000 and at most a quarter of the SQL over the facts. The rollup is
// timed twice: interleaved with scans of the facts (which evict its pages from the buffer cache), and alone.
var contributions = Arg(0, 1_000_000);
var provinceCount = Arg(1, 31);
var countiesPerProvince = Arg(2, 4);
var runs = Math.Max(20, Arg(3, 30));
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

await using var postgres = new PostgresServer();
await postgres.InitializeAsync();
var connectionString = await postgres.CreateDatabaseAsync("analytics");
using var host = new WelfareGraphFactory(
    new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:WelfareGraph"] = connectionString,
        ["Database:SeedDemoData"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None", // the first start's probe for a missing history table
    }
);
host.UseKestrel(0); // a real socket on loopback, as a dashboard would connect
var http = host.CreateClient();
http.Timeout = TimeSpan.FromMinutes(5);

var provinces = ProvinceReferenceData.All.Take(provinceCount).Select(p => p.Code).ToList();
var spec = RandomDataSet.Spec(seed: 1404, provinces, countiesPerProvince, contributions, "bench");
var clock = Stopwatch.StartNew();
var countyCount = await GenerateAndWriteAsync();

// The generated rows are garbage from here on: a server does not hold a million contributions in its heap, and every
// full collection would otherwise mark them all — pauses that land on whichever side allocates the most.
GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
Console.WriteLine(
    $"Managed heap after the load: {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F0} MB, "
        + $"fragmented {GC.GetGCMemoryInfo().FragmentedBytes / 1048576.0:F0} MB, "
        + $"promoted {GC.GetGCMemoryInfo().PromotedBytes / 1048576.0:F0} MB"
);

// The same server with Analytics:UseRollups off: every total from the facts, as before the rollup.
using var factsHost = new WelfareGraphFactory(
    new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:WelfareGraph"] = connectionString,
        ["Database:MigrateOnStart"] = "false",
        ["Database:SeedDemoData"] = "false",
        ["Analytics:UseRollups"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    }
);
factsHost.UseKestrel(0);
var factsHttp = factsHost.CreateClient();
factsHttp.Timeout = TimeSpan.FromMinutes(5);

async Task<int> GenerateAndWriteAsync()
{
    var set = DataSetGenerator.Generate(spec);
    Console.WriteLine(
        $"Generated {set.Contributions.Count:N0} contributions, {set.Households.Count:N0} "
            + $"households, {set.Counties.Count} counties in {clock.Elapsed.TotalSeconds:F1} s"
    );
    clock.Restart();
    await using (var db = host.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext())
        await DataSetWriter.WriteAsync(db, set);
    Console.WriteLine($"Written with binary COPY in {clock.Elapsed.TotalSeconds:F1} s");
    // Released here, whatever may still hold the set: the server under test shares this process, and a heap
    // holding every generated row makes each of its full collections mark them all.
    set.Contributions.Clear();
    set.Contributions.TrimExcess();
    set.Households.Clear();
    set.Households.TrimExcess();
    return set.Counties.Count;
}

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();

// The reference query counts retracted rows too, so the product's partial slicing index (retracted rows left
// out) is of no use to it: it gets a covering index of its own over every row, and each side runs on its best index.
await Execute(
    connection,
    "CREATE INDEX reference_slices ON contributions (solar_year, solar_month, county_id, type) INCLUDE (amount_rial)"
);
await Execute(connection, "VACUUM ANALYZE counties");

// Index-only scans need the visibility map: the first VACUUM right after the load may leave pages unmarked, and
// PostgreSQL then plans table scans. So vacuum the facts and the rollup until every page is all-visible, five passes
// at most, and print the count: on the test cluster the rollup's pages stay unmarked (the README says what is known).
foreach (var table in new[] { "contributions", "contributions_monthly", "contributions_county_monthly" })
{
    for (var pass = 1; ; pass++)
    {
        await Execute(connection, pass == 1 ? $"VACUUM ANALYZE {table}" : $"VACUUM {table}");
        var (pages, visible) = await VisibilityAsync(connection, table);
        if (visible >= pages || pass == 5)
        {
            Console.WriteLine($"VACUUM {table}: {visible:N0} of {pages:N0} pages all-visible after {pass} pass(es)");
            break;
        }
    }
}

const string Sql = """
    SELECT county_id, type, solar_month, SUM(amount_rial), COUNT(*) FROM contributions
    WHERE solar_year = 1404 AND solar_month BETWEEN 1 AND 9 GROUP BY county_id, type, solar_month
    """;
const string GraphQL = """
    query CountyTypeMonth {
      contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, TYPE, MONTH], unit: RIAL) {
        groups { key { county { code } type month } sum count }
      }
    }
    """;

// The benchmark question as the resolver asks the engine (the query selects groups only, so no total).
var question = new ContributionTotalsRequest
{
    GroupBy = [ContributionDimension.County, ContributionDimension.Type, ContributionDimension.Month],
    Period = ResolvedPeriod.Months(1404, 1, 9),
    NeedsTotal = false,
};

async Task<int> RunSql()
{
    // Read every row, as the server reads its groups.
    await using var command = new NpgsqlCommand(Sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var groups = 0;
    while (await reader.ReadAsync())
    {
        _ = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3), reader.GetInt64(4));
        groups++;
    }
    return groups;
}

Task<int> RunGraphQL() => RunGraphQLOn(http, GraphQL);

async Task<int> RunGraphQLOn(HttpClient client, string document)
{
    using var response = await client.PostAsJsonAsync("/graphql", new { query = document });
    response.EnsureSuccessStatusCode();
    using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    if (json.RootElement.TryGetProperty("errors", out var errors))
        throw new InvalidOperationException(errors.GetRawText());
    var groups = json.RootElement.GetProperty("data").GetProperty("contributionTotals").GetProperty("groups");
    foreach (var group in groups.EnumerateArray())
        _ = (
            group.GetProperty("key").GetProperty("county").GetProperty("code").GetString(),
            group.GetProperty("sum").GetDecimal(),
            group.GetProperty("count").GetInt32()
        );
    return groups.GetArrayLength();
}

// Both answer the same question: the same number of groups and the same grand total.
var (sqlGroups, apiGroups) = (await RunSql(), await RunGraphQL());
if (sqlGroups != apiGroups)
    throw new InvalidOperationException($"SQL returned {sqlGroups} groups, GraphQL {apiGroups}.");
Console.WriteLine($"{sqlGroups:N0} groups");

System.Data.Common.DbCommand? engineCommand = null;

// Warm up: JIT (past tiering), pools, caches, the EF query cache.
for (var i = 0; i < 30; i++)
{
    await RunSql();
    await RunGraphQL();
    await RunEngine();
    await RunEngineSql();
}
var (engineSqlTimes, engineTimes) = (new List<double>(), new List<double>());
for (var i = 0; i < runs; i++)
{
    engineSqlTimes.Add(await Time(RunEngineSql));
    engineTimes.Add(await Time(RunEngine));
}
Console.WriteLine(
    $"where the time goes: the engine's SQL alone on Npgsql {Median(engineSqlTimes):F2} ms, "
        + $"the engine (EF, county lookup) {Median(engineTimes):F2} ms"
);
var sqlTimes = new List<double>();
var apiTimes = new List<double>();
for (var i = 0; i < runs; i++)
{
    // Interleaved, alternating which goes first, so drift on a shared machine hits both alike.
    if (i % 2 == 0)
    {
        sqlTimes.Add(await Time(RunSql));
        apiTimes.Add(await Time(RunGraphQL));
    }
    else
    {
        apiTimes.Add(await Time(RunGraphQL));
        sqlTimes.Add(await Time(RunSql));
    }
}

Console.WriteLine();
Console.WriteLine("Hand-written SQL plan:");
Console.WriteLine(await Explain(connection, Sql));
Console.WriteLine(
    "The SQL EF sends for contributionTotals, with its parameters (Npgsql does not prepare it, "
        + "so each run is planned with its values, never a generic plan):"
);
await using (var engine = await EngineCommand())
{
    Console.WriteLine("  " + engine.CommandText.ReplaceLineEndings("\n  "));
    Console.WriteLine(await Explain(connection, engine.CommandText, engine.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())));
}
Console.WriteLine("The same from the rollups (the default server's source for it: the county rollup):");
await using (var rollup = await EngineCommand(fromRollup: true))
{
    Console.WriteLine("  " + rollup.CommandText.ReplaceLineEndings("\n  "));
    Console.WriteLine(await Explain(connection, rollup.CommandText, rollup.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())));
}

var (sqlMedian, apiMedian) = (Median(sqlTimes), Median(apiTimes));
Console.WriteLine(
    $"{contributions:N0} contributions, {countyCount} counties, {sqlGroups:N0} groups, {runs} interleaved runs each after 30 warm-ups"
);
Console.WriteLine(
    $"hand-written SQL  median {sqlMedian.ToString("F2").PadLeft(8)} ms  (quartiles "
        + $"{Quantile(sqlTimes, 0.25):F2}–{Quantile(sqlTimes, 0.75):F2}, min {sqlTimes.Min():F2}, max {sqlTimes.Max():F2})"
);
Console.WriteLine(
    $"GraphQL over HTTP median {apiMedian.ToString("F2").PadLeft(8)} ms  (quartiles "
        + $"{Quantile(apiTimes, 0.25):F2}–{Quantile(apiTimes, 0.75):F2}, min {apiTimes.Min():F2}, max {apiTimes.Max():F2})"
);

// Each GraphQL run against the SQL run beside it: a slow spell on the shared machine then weighs on both sides of a ratio.
var paired = sqlTimes.Zip(apiTimes, (sql, api) => api / sql).ToList();
Console.WriteLine(
    $"ratio of medians {apiMedian / sqlMedian:F2}x, median of paired ratios {Median(paired):F2}x  (the default server: from the rollup)"
);

// National and one-province questions, each three ways, interleaved: the hand-written SQL over the facts, GraphQL from
// the rollup (the default server) and GraphQL from the facts (Analytics:UseRollups off).
var province = provinces[0];
var provinceId = await ScalarAsync(connection, $"SELECT id FROM provinces WHERE code = '{province}'");
(string Name, string Sql, string GraphQL)[] questions =
[
    ("national", Sql, GraphQL),
    (
        $"one province ({province})",
        $"""
        SELECT f.county_id, f.type, f.solar_month, SUM(f.amount_rial), COUNT(*) FROM contributions f JOIN counties c ON c.id = f.county_id
        WHERE c.province_id = {provinceId} AND f.solar_year = 1404 AND f.solar_month BETWEEN 1 AND 9
          GROUP BY f.county_id, f.type, f.solar_month
        """,
        GraphQL.Replace("unit: RIAL", $"unit: RIAL, where: {{ county: {{ province: {{ code: {{ eq: \"{province}\" }} }} }} }}")
    ),
];
Console.WriteLine();
Console.WriteLine($"{contributions:N0} contributions: medians of {runs} interleaved runs");
Console.WriteLine(
    "question | groups | SQL over the facts | GraphQL, rollup | GraphQL, facts | rollup ÷ SQL | facts ÷ SQL"
        + " | GraphQL, rollup alone | rollup blocks read past the buffer cache, interleaved / alone"
);
var blocksRead = await RollupBlocksReadAsync(connection);
foreach (var (name, sql, document) in questions)
{
    var groups = await ReadAllAsync(connection, sql);
    var (fromRollup, fromFacts) = (await RunGraphQLOn(http, document), await RunGraphQLOn(factsHttp, document));
    if (groups != fromRollup || groups != fromFacts)
        throw new InvalidOperationException($"{name}: SQL {groups} groups, rollup {fromRollup}, facts {fromFacts}");
    for (var i = 0; i < 10; i++)
    {
        await RunGraphQLOn(http, document);
        await RunGraphQLOn(factsHttp, document);
    }
    var (sqlRuns, rollupRuns, factsRuns) = (new List<double>(), new List<double>(), new List<double>());
    for (var i = 0; i < runs; i++)
    {
        sqlRuns.Add(await Time(() => ReadAllAsync(connection, sql)));
        rollupRuns.Add(await Time(() => RunGraphQLOn(http, document)));
        factsRuns.Add(await Time(() => RunGraphQLOn(factsHttp, document)));
    }
    var (sqlMs, rollupMs, factsMs) = (Median(sqlRuns), Median(rollupRuns), Median(factsRuns));
    var interleavedReads = await RollupBlocksReadAsync(connection);

    // The rollup alone, as a dashboard served from it runs: no scan of the facts between two answers to push the
    // rollup's pages out of PostgreSQL's buffer cache (128 MB here; 10,000,000 facts' index is larger).
    var aloneRuns = new List<double>();
    for (var i = 0; i < runs; i++)
        aloneRuns.Add(await Time(() => RunGraphQLOn(http, document)));
    var aloneMs = Median(aloneRuns);
    var aloneReads = await RollupBlocksReadAsync(connection);
    Console.WriteLine(
        $"{name} | {groups:N0} | {sqlMs:F1} ms | {rollupMs:F1} ms | {factsMs:F1} ms | {rollupMs / sqlMs:F2}x | {factsMs / sqlMs:F2}x"
            + $" | {aloneMs:F1} ms | {interleavedReads - blocksRead:N0} / {aloneReads - interleavedReads:N0}"
    );
    blocksRead = aloneReads;
}
return;

// Blocks of the rollups (tables and indexes) read from outside the buffer cache so far. The counters reach the
// statistics views when the server's backends report them (within a second of a query ending), hence the pause.
static async Task<long> RollupBlocksReadAsync(NpgsqlConnection connection)
{
    await Task.Delay(TimeSpan.FromSeconds(2));
    await Execute(connection, "SELECT pg_stat_clear_snapshot()");
    return await ScalarAsync(
        connection,
        "SELECT COALESCE(SUM(COALESCE(heap_blks_read, 0) + COALESCE(idx_blks_read, 0)), 0) FROM pg_statio_user_tables "
            + "WHERE relname IN ('contributions_monthly', 'contributions_county_monthly')"
    );
}

static async Task<int> ReadAllAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var rows = 0;
    while (await reader.ReadAsync())
        rows++;
    return rows;
}

static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

async Task<int> RunEngine()
{
    await using var db = host.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
    var result = await ContributionTotalsQuery.RunAsync(ContributionSource.FactsOf(db), question, 50_000, CancellationToken.None);
    var ids = result.Groups.Select(g => g.County!.Value).Distinct().ToList();
    var counties = await db.Counties.Where(c => ids.Contains(c.Id)).ToListAsync();
    return result.Groups.Count + counties.Count * 0;
}

// The engine's command for the benchmark question, built as the resolver builds it, with its parameter values.
async Task<System.Data.Common.DbCommand> EngineCommand(bool fromRollup = false)
{
    await using var db = host.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
    var source = fromRollup ? new ContributionSource(db, where: null, useRollups: true) : ContributionSource.FactsOf(db);
    return ContributionTotalsQuery.GroupQuery(source, question, maxGroups: 50_000).CreateDbCommand();
}

// The engine's SQL with its parameters, read to the end on the reference's connection: the database's share.
async Task<int> RunEngineSql()
{
    var engine = engineCommand ??= await EngineCommand();
    await using var command = new NpgsqlCommand(engine.CommandText, connection);
    foreach (var parameter in engine.Parameters.Cast<NpgsqlParameter>())
        command.Parameters.Add(parameter.Clone());
    await using var reader = await command.ExecuteReaderAsync();
    var groups = 0;
    while (await reader.ReadAsync())
        groups++;
    return groups;
}

static async Task<(int Pages, int Visible)> VisibilityAsync(NpgsqlConnection connection, string table)
{
    await using var command = new NpgsqlCommand($"SELECT relpages, relallvisible FROM pg_class WHERE relname = '{table}'", connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt32(0), reader.GetInt32(1));
}

static async Task<string> Explain(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter>? parameters = null)
{
    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
    foreach (var parameter in parameters ?? [])
        command.Parameters.Add(parameter);
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
        lines.Add("  " + reader.GetString(0));
    return string.Join('\n', lines) + "\n";
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    command.CommandTimeout = 600;
    await command.ExecuteNonQueryAsync();
}

static async Task<double> Time(Func<Task<int>> run)
{
    var watch = Stopwatch.StartNew();
    await run();
    return watch.Elapsed.TotalMilliseconds;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

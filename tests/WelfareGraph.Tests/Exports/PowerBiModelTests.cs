using System.Globalization;
using System.IO.Compression;
using System.Net;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// The Power BI model on the demo data: the star schema's files, figures equal to GraphQL's, suppression, and the Solar Hijri date table
/// held against published calendars.
/// </summary>
public sealed class PowerBiModelTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private static byte[] Entry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)?.Open() ?? throw new Xunit.Sdk.XunitException($"{name} is not in the model");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<ZipArchive> ModelAsync()
    {
        var file = await GetAsync(server.Factory.CreateClient(), "/exports/powerbi/model.zip");
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal("application/zip", file.ContentType);
        return new ZipArchive(new MemoryStream(file.Body), ZipArchiveMode.Read);
    }

    [Fact]
    public async Task The_model_holds_every_table_as_parquet_and_csv_with_a_readme()
    {
        using var zip = await ModelAsync();
        string[] tables =
        [
            "contributions",
            "contributions_monthly",
            "household_counts",
            "dates",
            "provinces",
            "counties",
            "centers",
            "charities",
            "contribution_types",
            "sectors",
            "intents",
            "channels",
            "benefits",
            "households",
        ];
        foreach (var table in tables)
        {
            Assert.NotNull(zip.GetEntry($"parquet/{table}.parquet"));
            Assert.NotNull(zip.GetEntry($"csv/{table}.csv"));
        }
        var readme = System.Text.Encoding.UTF8.GetString(Entry(zip, "README.md"));
        Assert.Contains("| contributions | CountyCode | counties |", readme);
        Assert.Contains("| household_counts | Date | dates |", readme);
        Assert.Contains("| contributions_monthly | CountyCode | counties |", readme);
    }

    [Fact]
    public async Task Contribution_facts_add_up_to_the_graphql_totals()
    {
        var total = (await server.Client.DataAsync("{ contributionTotals(unit: RIAL) { total { sum count } } }"))["contributionTotals"]![
            "total"
        ]!;
        using var zip = await ModelAsync();
        var (_, columns, _) = await ParquetAsync(Entry(zip, "parquet/contributions.parquet"));
        var (header, rows) = Csv(Entry(zip, "csv/contributions.csv"));

        Assert.Equal(total["count"]!.GetValue<int>(), columns["AmountRial"].Count);
        Assert.Equal(total["sum"]!.GetValue<decimal>(), columns["AmountRial"].Sum(v => (decimal)(long)v!));
        Assert.Equal(columns["AmountRial"].Count, rows.Count);
        // The published figure: 56,050,000,000 toman in 1404 months 1–9.
        var inPeriod = Enumerable.Range(0, rows.Count).Where(i => columns["SolarYear"][i] is 1404L && (long)columns["SolarMonth"][i]! <= 9);
        Assert.Equal(560_500_000_000L, inPeriod.Sum(i => (long)columns["AmountRial"][i]!));
        Assert.Contains("CountyCode", header);
    }

    [Fact]
    public async Task Household_counts_are_the_suppressed_cells_of_householdTotals()
    {
        var totals = (
            await server.Client.DataAsync(
                """{ householdTotals(asOf: "1404-09-30", groupBy: [COUNTY, BENEFIT]) { total { count } """
                    + """groups { key { county { code } benefit } count suppressed } } }"""
            )
        )["householdTotals"]!;
        using var zip = await ModelAsync();
        var (_, columns, _) = await ParquetAsync(Entry(zip, "parquet/household_counts.parquet"));
        var month = Enumerable
            .Range(0, columns["Key"].Count)
            .Where(i => (long)columns["SolarYear"][i]! == 1404 && (long)columns["SolarMonth"][i]! == 9)
            .ToList();

        Assert.Equal(totals["groups"]!.AsArray().Count, month.Count);
        Assert.Equal(30_606L, month.Sum(i => (long?)columns["Households"][i] ?? 0));
        Assert.Equal(totals["total"]!["count"]!.GetValue<long>(), month.Sum(i => (long?)columns["Households"][i] ?? 0));
        // No published cell is below k (5); withheld ones have no count.
        Assert.All(columns["Households"].Where(v => v is not null), v => Assert.True((long)v! >= 5));
        Assert.All(
            Enumerable.Range(0, columns["Key"].Count),
            i => Assert.Equal(columns["Suppressed"][i] is true, columns["Households"][i] is null)
        );
    }

    [Fact]
    public async Task The_date_table_agrees_with_published_calendars_and_starts_weeks_on_saturday()
    {
        using var zip = await ModelAsync();
        var (_, columns, _) = await ParquetAsync(Entry(zip, "parquet/dates.parquet"));
        int Row(string solar) => columns["SolarDate"].IndexOf(solar);

        // The official calendar: Nowruz 1403 = 2024-03-20, 1404 = 2025-03-21; Esfand 30, 1403 = 2025-03-20 (leap year).
        Assert.Equal(new DateOnly(2024, 3, 20), columns["Date"][Row("1403-01-01")]);
        Assert.Equal(new DateOnly(2025, 3, 21), columns["Date"][Row("1404-01-01")]);
        Assert.Equal(new DateOnly(2025, 3, 20), columns["Date"][Row("1403-12-30")]);
        Assert.Equal(-1, Row("1404-12-30"));
        var nowruz = Row("1404-01-01");
        Assert.Equal(7L, columns["DayOfWeek"][nowruz]); // 2025-03-21 was a Friday
        Assert.Equal("جمعه", columns["DayNameFa"][nowruz]);
        Assert.Equal(new DateOnly(2025, 3, 15), columns["WeekStart"][nowruz]);
        Assert.Equal("فروردین", columns["MonthNameFa"][nowruz]);
        Assert.Equal("Farvardin", columns["MonthNameEn"][nowruz]);
        Assert.All(columns["WeekStart"], d => Assert.Equal(DayOfWeek.Saturday, ((DateOnly)d!).DayOfWeek));
        var days = columns["Date"].Cast<DateOnly>().ToList();
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(pair.First.AddDays(1), pair.Second));
    }

    [Fact]
    public async Task The_pbids_file_points_power_bi_at_the_odata_feed()
    {
        var file = await GetAsync(server.Factory.CreateClient(), "/exports/powerbi/welfaregraph.pbids");
        var json = System.Text.Json.Nodes.JsonNode.Parse(file.Text)!;
        Assert.Equal("odata", json["connections"]![0]!["details"]!["protocol"]!.GetValue<string>());
        Assert.EndsWith("/odata", json["connections"]![0]!["details"]!["address"]!["url"]!.GetValue<string>());
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// The generated data set with small xlsx sheets and Parquet row groups, so continuation is exercised on a few thousand rows.
/// </summary>
public sealed class SmallSheetsServer : GeneratedDataServer
{
    public const int RowsPerSheet = 50,
        RowGroupSize = 40;

    protected override Task<Dictionary<string, string?>> SettingsAsync() =>
        Task.FromResult(
            new Dictionary<string, string?>
            {
                ["Exports:XlsxRowsPerSheet"] = RowsPerSheet.ToString(CultureInfo.InvariantCulture),
                ["Exports:ParquetRowGroupSize"] = RowGroupSize.ToString(CultureInfo.InvariantCulture),
            }
        );
}

/// <summary>
/// Underlying rows: the fact rows behind a totals query, with its where and period, counted and summed against
/// the totals and against the generated set computed in plain C#; xlsx continuing on further sheets, Parquet in
/// row groups; the centres behind centerTotals against the database read by hand-written SQL.
/// </summary>
public sealed class UnderlyingExportTests(SmallSheetsServer server) : IClassFixture<SmallSheetsServer>
{
    private const string Query = """
        { contributionTotals(where: { type: { eq: CASH }, county: { province: { code: { eq: "IR-23" } } } },
                             period: { year: 1403, fromMonth: 4, toMonth: 12 }, unit: RIAL) { total { sum count } } }
        """;

    private List<Contribution> Expected =>
        server
            .Set.Contributions.Where(c =>
                c.Type == ContributionType.Cash
                && c.County.Code.StartsWith("IR-23-", StringComparison.Ordinal)
                && c.SolarYear == 1403
                && c.SolarMonth >= 4
            )
            .OrderBy(c => c.ExternalId, StringComparer.Ordinal)
            .ToList();

    private async Task<(decimal Sum, int Count)> TotalAsync()
    {
        var total = (await server.Client.DataAsync(Query))["contributionTotals"]!["total"]!;
        return (total["sum"]!.GetValue<decimal>(), total["count"]!.GetValue<int>());
    }

    private Task<Download> ExportAsync(string format) => ExportAsync(Query, format);

    private Task<Download> ExportAsync(string query, string format) =>
        PostAsync(
            server.Factory.CreateClient(),
            new
            {
                query,
                mode = "underlying",
                format,
            }
        );

    [Fact]
    public async Task Csv_holds_exactly_the_rows_behind_the_total()
    {
        var (sum, count) = await TotalAsync();
        var file = await ExportAsync("csv");
        var (header, rows) = Csv(file.Body);

        Assert.Equal("contributionTotals_1403-04_1403-12_underlying.csv", file.FileName);
        Assert.Equal(Expected.Count, count);
        Assert.Equal(count, rows.Count);
        var amount = Array.IndexOf(header, "amountRial");
        Assert.Equal(sum, rows.Sum(r => decimal.Parse(r[amount]!, CultureInfo.InvariantCulture)));
        Assert.Equal(Expected.Sum(c => c.AmountRial), rows.Sum(r => long.Parse(r[amount]!, CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("CASH", r[Array.IndexOf(header, "type")]));
        Assert.All(rows, r => Assert.Equal("IR-23", r[Array.IndexOf(header, "province.code")]));
        Assert.Equal(
            Expected.Select(c => c.ExternalId).Order(StringComparer.Ordinal),
            rows.Select(r => r[Array.IndexOf(header, "externalId")]!).Order(StringComparer.Ordinal)
        );
        // The Solar Hijri column agrees with the stored period columns.
        Assert.All(
            rows,
            r =>
                Assert.StartsWith(
                    $"1403-{int.Parse(r[Array.IndexOf(header, "solarMonth")]!, CultureInfo.InvariantCulture):D2}-",
                    r[Array.IndexOf(header, "dateSolar")]
                )
        );
    }

    [Fact]
    public async Task Xlsx_continues_on_further_sheets_each_with_the_header()
    {
        var (sum, count) = await TotalAsync();
        var sheets = Xlsx((await ExportAsync("xlsx")).Body);

        Assert.True(count > 2 * SmallSheetsServer.RowsPerSheet, $"the test needs more than two sheets of rows, has {count}");
        Assert.Equal((count + SmallSheetsServer.RowsPerSheet - 1) / SmallSheetsServer.RowsPerSheet, sheets.Count);
        Assert.Equal(["Data", "Data 2", "Data 3"], sheets.Take(3).Select(s => s.Sheet));
        Assert.All(sheets.SkipLast(1), s => Assert.Equal(SmallSheetsServer.RowsPerSheet, s.Rows.Count));
        var all = sheets.SelectMany(s => s.Rows).ToList();
        Assert.Equal(count, all.Count);
        Assert.Equal(sum, all.Sum(r => Number(r["amountRial"])));
        Assert.Equal(all.Count, all.Select(r => Number(r["id"])).Distinct().Count());
    }

    [Fact]
    public async Task Parquet_is_written_in_row_groups_with_typed_columns()
    {
        var (sum, count) = await TotalAsync();
        var (schema, columns, groups) = await ParquetAsync((await ExportAsync("parquet")).Body);

        Assert.Equal((count + SmallSheetsServer.RowGroupSize - 1) / SmallSheetsServer.RowGroupSize, groups);
        Assert.Equal(typeof(DateOnly), schema.FindDataField("date").ClrType);
        Assert.Equal(count, columns["amountRial"].Count);
        Assert.Equal(sum, columns["amountRial"].Sum(v => (decimal)(long)v!));
        Assert.All(columns["date"], d => Assert.IsType<DateOnly>(d));
    }

    [Fact]
    public async Task Center_rows_are_the_centres_the_totals_count_with_their_where()
    {
        const string query = """
            { centerTotals(where: { county: { province: { code: { eq: "IR-23" } } }, ownership: { eq: GOVERNMENT } })
              { total { centers capacity residents } } }
            """;
        var stored = await StoredCenters.ReadAsync(server.Factory.Services);
        var expected = stored.Where(c => c.ProvinceCode == "IR-23" && c.Ownership == CenterOwnership.Government).ToList();
        var total = (await server.Client.DataAsync(query))["centerTotals"]!["total"]!;
        var file = await ExportAsync(query, "csv");
        var (header, rows) = Csv(file.Body);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < stored.Count, "the where must leave some centres out for the test to show it applies");
        Assert.Equal("centerTotals_underlying.csv", file.FileName);
        StoredCenters.AssertExported(expected, header, rows);
        Assert.Equal(total["centers"]!.GetValue<int>(), rows.Count);
        Assert.Equal(
            total["capacity"]!.GetValue<int>(),
            rows.Sum(r => int.Parse(r[Array.IndexOf(header, "capacity")]!, CultureInfo.InvariantCulture))
        );
        Assert.Equal(
            total["residents"]!.GetValue<int>(),
            rows.Sum(r => int.Parse(r[Array.IndexOf(header, "residents")]!, CultureInfo.InvariantCulture))
        );
    }

    [Fact]
    public async Task Center_rows_with_lang_fa_have_every_header_in_persian()
    {
        const string query = "{ centers { nodes { code } } }";
        var (header, rows) = Csv(
            (
                await PostAsync(
                    server.Factory.CreateClient(),
                    new
                    {
                        query,
                        mode = "underlying",
                        lang = "fa",
                    }
                )
            ).Body
        );

        Assert.Equal((await StoredCenters.ReadAsync(server.Factory.Services)).Count, rows.Count);
        Assert.Contains("نوع مرکز", header);
        Assert.All(header, h => Assert.DoesNotMatch("[A-Za-z]", h));
    }

    [Fact]
    public async Task A_field_without_fact_rows_is_refused()
    {
        var file = await PostAsync(server.Factory.CreateClient(), new { query = "{ provinces { nodes { code } } }", mode = "underlying" });
        Assert.Equal(HttpStatusCode.BadRequest, file.Status);
        Assert.Equal("NO_UNDERLYING_ROWS", JsonNode.Parse(file.Text)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// The layout export (a matrix: counties × months with totals) on the demo data, whose grand total is the
/// published 56,050,000,000 toman — read by MiniExcel, and converted by LibreOffice Calc as a person's
/// spreadsheet would open it.
/// </summary>
public sealed class LayoutExportTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private const string Query = """
        { contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, MONTH]) {
            total { sum }
            groups { key { county { code nameFa } month } sum count } } }
        """;

    private static readonly object Layout = new
    {
        rows = new[] { "county.nameFa" },
        columns = new[] { "month" },
        values = new[] { "sum" },
    };

    private async Task<(JsonArray Groups, decimal Total)> GraphQLAsync()
    {
        var totals = (await server.Client.DataAsync(Query))["contributionTotals"]!;
        return ((JsonArray)totals["groups"]!, totals["total"]!["sum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_matrix_of_counties_by_month_with_totals_equal_to_the_query()
    {
        var (groups, total) = await GraphQLAsync();
        var file = await PostAsync(
            server.Factory.CreateClient(),
            new
            {
                query = Query,
                mode = "layout",
                format = "xlsx",
                layout = Layout,
            }
        );
        var rows = Xlsx(file.Body, startCell: "A2").Single().Rows; // row 1 is the sheet's title

        Assert.Equal(56_050_000_000m, total);
        Assert.Equal(9, rows.Count); // 8 counties and the totals row
        foreach (var group in groups)
        {
            var row = rows.Single(r => (string?)r["county.nameFa"] == group!["key"]!["county"]!["nameFa"]!.GetValue<string>());
            Assert.Equal(
                group!["sum"]!.GetValue<decimal>(),
                Number(row[group["key"]!["month"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)])
            );
        }
        var totals = rows[^1];
        Assert.Equal("Total", totals["county.nameFa"]);
        Assert.Equal(total, Number(totals["Total | sum"]));
        for (var month = 1; month <= 9; month++)
            Assert.Equal(
                groups.Where(g => g!["key"]!["month"]!.GetValue<int>() == month).Sum(g => g!["sum"]!.GetValue<decimal>()),
                Number(totals[month.ToString(CultureInfo.InvariantCulture)])
            );
        foreach (var row in rows.SkipLast(1))
            Assert.Equal(
                Enumerable.Range(1, 9).Sum(m => Number(row[m.ToString(CultureInfo.InvariantCulture)])),
                Number(row["Total | sum"])
            );
    }

    [Fact]
    public async Task LibreOffice_opens_the_persian_xlsx_with_its_numbers_and_persian_text()
    {
        var (groups, total) = await GraphQLAsync();
        var file = await PostAsync(
            server.Factory.CreateClient(),
            new
            {
                query = Query,
                mode = "layout",
                format = "xlsx",
                layout = Layout,
                lang = "fa",
            }
        );

        var csv = await LibreOfficeCsvAsync(file.Body);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // Row 1 is the title; the table's header and rows follow, its numbers as the sheet shows them (grouped thousands).
        Assert.Contains("contributionTotals", lines[0]);
        var (header, rows) = Csv(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Skip(1))));
        Assert.Equal(["نام شهرستان", "1", "2", "3", "4", "5", "6", "7", "8", "9", "جمع کل | جمع"], header);
        var zanjan = rows.Single(r => r[0] == "زنجان");
        var zanjanGroups = groups.Where(g => g!["key"]!["county"]!["code"]!.GetValue<string>() == "IR-19-01").ToList();
        for (var month = 1; month <= 9; month++)
            Assert.Equal(
                zanjanGroups.Single(g => g!["key"]!["month"]!.GetValue<int>() == month)!["sum"]!.GetValue<decimal>(),
                decimal.Parse(zanjan[month]!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            );
        var totals = rows[^1];
        Assert.Equal("جمع کل", totals[0]);
        Assert.Equal(total, decimal.Parse(totals[^1]!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal("56,050,000,000", totals[^1]);
    }
}

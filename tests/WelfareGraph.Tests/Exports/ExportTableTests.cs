using WelfareGraph.Exports;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Labels;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// The pieces between a result and a file: Solar Hijri columns, Persian headers, pivots, CSV that a spreadsheet cannot run.
/// </summary>
public sealed class ExportTableTests
{
    private static async Task<List<object?[]>> RowsAsync(ExportTable table)
    {
        var rows = new List<object?[]>();
        await foreach (var row in table.Rows)
            rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task Every_date_column_is_followed_by_its_solar_hijri_day()
    {
        var table = ExportTable
            .FromRows(
                [new("id", ColumnKind.Integer), new("date", ColumnKind.Date), new("until", ColumnKind.Date)],
                [
                    [1L, new DateOnly(2025, 3, 21), null],
                    [2L, new DateOnly(2025, 3, 20), new DateOnly(2025, 12, 21)],
                ]
            )
            .WithSolarDates();

        Assert.Equal(["id", "date", "dateSolar", "until", "untilSolar"], table.Columns.Select(c => c.Name));
        Assert.Equal("تاریخ (شمسی)", table.Columns[2].Header(Language.Fa));
        var rows = await RowsAsync(table);
        Assert.Equal([1L, new DateOnly(2025, 3, 21), "1404-01-01", null, null], rows[0]);
        Assert.Equal([2L, new DateOnly(2025, 3, 20), "1403-12-30", new DateOnly(2025, 12, 21), "1404-09-30"], rows[1]);
    }

    [Fact]
    public void Persian_headers_read_from_the_leaf_up()
    {
        Assert.Equal("نام شهرستان", ColumnHeaders.Fa("county.nameFa"));
        Assert.Equal("کد استان شهرستان", ColumnHeaders.Fa("county.province.code"));
        Assert.Equal("مبلغ (ریال)", ColumnHeaders.Fa("amountRial"));
        Assert.Equal("unknownField", ColumnHeaders.Fa("unknownField"));
    }

    [Fact]
    public async Task A_pivot_adds_what_adds_up_and_leaves_averages_out_of_totals()
    {
        var result = new ResultTable(
            [
                new("year", ColumnKind.Integer),
                new("type", ColumnKind.Text),
                new("sum", ColumnKind.Decimal),
                new("average", ColumnKind.Decimal),
            ],
            [
                [1403L, "CASH", 10m, 2m],
                [1403L, "IN_KIND", 5m, 1m],
                [1404L, "CASH", 7m, 7m],
            ]
        );
        var table = PivotTables.Build(result, new PivotLayout(["year"], ["type"], ["sum", "average"]), Language.En);

        Assert.Equal(
            ["year", "CASH | sum", "CASH | average", "IN_KIND | sum", "IN_KIND | average", "Total | sum", "Total | average"],
            table.Columns.Select(c => c.Name)
        );
        Assert.Equal(ColumnKind.Text, table.Columns[0].Kind); // it holds the word "Total" too
        var rows = await RowsAsync(table);
        Assert.Equal(["1403", 10m, 2m, 5m, 1m, 15m, null], rows[0]);
        Assert.Equal(["1404", 7m, 7m, null, null, 7m, 7m], rows[1]);
        Assert.Equal(["Total", 17m, null, 5m, 1m, 22m, null], rows[2]);
    }

    [Fact]
    public async Task Csv_text_that_a_spreadsheet_would_run_is_escaped_and_numbers_are_not()
    {
        var table = ExportTable.FromRows(
            [new("description", ColumnKind.Text), new("amount", ColumnKind.Integer)],
            [
                ["=HYPERLINK(\"x\")", -5L],
                ["کمک, \"نقدی\"", 3L],
            ]
        );
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(stream, table, Language.En, new ExportProgress(), CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal("\uFEFFdescription,amount\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n\"کمک, \"\"نقدی\"\"\",3\r\n", text);
    }
}

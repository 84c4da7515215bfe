using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// The summarized export of a totals query in each format, read back with a real reader and compared value by
/// value with the GraphQL result of the same query, on the second generated data set.
/// </summary>
public sealed class SummarizedExportTests(SqliteGeneratedDataServer server) : IClassFixture<SqliteGeneratedDataServer>
{
    private const string Query = """
        query CountyMonths {
          contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, MONTH]) {
            groups { key { county { code nameFa } month period } sum count average share }
          }
        }
        """;

    private async Task<JsonArray> GroupsAsync() => (JsonArray)(await server.Client.DataAsync(Query))["contributionTotals"]!["groups"]!;

    private Task<Download> ExportAsync(string format, string lang = "en") =>
        PostAsync(
            server.Factory.CreateClient(),
            new
            {
                query = Query,
                format,
                lang,
            }
        );

    [Fact]
    public async Task Csv_has_a_bom_rfc4180_rows_and_the_values_of_the_query()
    {
        var groups = await GroupsAsync();
        var file = await ExportAsync("csv");

        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal("CountyMonths_1404-01_1404-09.csv", file.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Body[..3]);
        Assert.Contains("\r\n", file.Text);
        var (header, rows) = Csv(file.Body);
        Assert.Equal(["county.code", "county.nameFa", "month", "period", "sum", "count", "average", "share"], header);
        Assert.Equal(groups.Count, rows.Count);
        Assert.True(groups.Count > 20);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i]!;
            Assert.Equal(g["key"]!["county"]!["code"]!.GetValue<string>(), rows[i][0]);
            Assert.Equal(g["key"]!["county"]!["nameFa"]!.GetValue<string>(), rows[i][1]);
            Assert.Equal(g["key"]!["month"]!.GetValue<int>(), int.Parse(rows[i][2]!, CultureInfo.InvariantCulture));
            Assert.Equal(g["sum"]!.GetValue<decimal>(), decimal.Parse(rows[i][4]!, CultureInfo.InvariantCulture));
            Assert.Equal(g["count"]!.GetValue<int>(), int.Parse(rows[i][5]!, CultureInfo.InvariantCulture));
            Assert.Equal(g["average"]!.GetValue<decimal>(), decimal.Parse(rows[i][6]!, CultureInfo.InvariantCulture));
            Assert.Equal(g["share"]!.GetValue<double>(), double.Parse(rows[i][7]!, CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public async Task Persian_csv_has_persian_headers()
    {
        var (header, _) = Csv((await ExportAsync("csv", "fa")).Body);
        Assert.Equal(["کد شهرستان", "نام شهرستان", "ماه", "دوره", "جمع", "تعداد", "میانگین", "سهم"], header);
    }

    [Fact]
    public async Task Xlsx_is_right_to_left_in_persian_with_a_frozen_header_and_numeric_cells()
    {
        var groups = await GroupsAsync();
        var file = await ExportAsync("xlsx", "fa");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        var sheet = SheetXml(file.Body);
        var view = sheet.Descendants(Main + "sheetView").Single();
        Assert.Equal("1", view.Attribute("rightToLeft")?.Value);
        var pane = view.Element(Main + "pane")!;
        Assert.Equal(("frozen", "1"), (pane.Attribute("state")?.Value, pane.Attribute("ySplit")?.Value));
        // The sum column (E) holds numbers, not text.
        Assert.All(
            sheet.Descendants(Main + "c").Where(c => c.Attribute("r")!.Value is var r && r.StartsWith('E') && r != "E1"),
            c => Assert.NotEqual("str", c.Attribute("t")?.Value)
        );

        var (name, rows) = Xlsx(file.Body).Single();
        Assert.Equal("داده‌ها", name);
        Assert.Equal(groups.Count, rows.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            Assert.Equal(groups[i]!["key"]!["county"]!["nameFa"]!.GetValue<string>(), rows[i]["نام شهرستان"]);
            Assert.Equal(groups[i]!["sum"]!.GetValue<decimal>(), Number(rows[i]["جمع"]));
            Assert.Equal(groups[i]!["count"]!.GetValue<int>(), Number(rows[i]["تعداد"]));
        }
    }

    [Fact]
    public async Task Parquet_has_typed_columns_and_the_values_of_the_query()
    {
        var groups = await GroupsAsync();
        var (schema, columns, _) = await ParquetAsync((await ExportAsync("parquet")).Body);

        Assert.True(IsText(schema.FindDataField("county_code")));
        Assert.Equal(typeof(long), schema.FindDataField("month").ClrType);
        Assert.Equal(typeof(decimal), schema.FindDataField("sum").ClrType);
        Assert.Equal(typeof(double), schema.FindDataField("share").ClrType);
        Assert.Equal(groups.Count, columns["sum"].Count);
        for (var i = 0; i < groups.Count; i++)
        {
            Assert.Equal(groups[i]!["key"]!["county"]!["code"]!.GetValue<string>(), columns["county_code"][i]);
            Assert.Equal((long)groups[i]!["key"]!["month"]!.GetValue<int>(), columns["month"][i]);
            Assert.Equal(groups[i]!["sum"]!.GetValue<decimal>(), columns["sum"][i]);
            Assert.Equal((long)groups[i]!["count"]!.GetValue<int>(), columns["count"][i]);
        }
    }

    [Fact]
    public async Task A_connection_exports_its_nodes_with_dates_beside_their_solar_hijri_day()
    {
        const string list =
            "{ contributions(first: 20, order: [{ id: ASC }]) "
            + "{ nodes { id date amountRial county { code province { nameEn } } center { code } } } }";
        var nodes = (JsonArray)(await server.Client.DataAsync(list))["contributions"]!["nodes"]!;
        var (header, rows) = Csv((await PostAsync(server.Factory.CreateClient(), new { query = list })).Body);

        Assert.Equal(["id", "date", "dateSolar", "amountRial", "county.code", "county.province.nameEn", "center.code"], header);
        Assert.Equal(20, rows.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.Equal(nodes[i]!["id"]!.ToString(), rows[i][0]);
            Assert.Equal(nodes[i]!["date"]!.GetValue<string>(), rows[i][1]);
            var date = DateOnly.ParseExact(rows[i][1]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(
                new PersianCalendar().GetYear(date.ToDateTime(TimeOnly.MinValue)),
                int.Parse(rows[i][2]![..4], CultureInfo.InvariantCulture)
            );
            Assert.Equal(nodes[i]!["amountRial"]!.GetValue<long>(), long.Parse(rows[i][3]!, CultureInfo.InvariantCulture));
            Assert.Equal(nodes[i]!["center"]?["code"]?.GetValue<string>(), rows[i][6]);
        }
    }

    [Fact]
    public async Task A_failing_query_is_refused_with_its_graphql_errors_and_no_file()
    {
        var file = await PostAsync(
            server.Factory.CreateClient(),
            new { query = "{ contributionTotals(period: { year: 1404, quarter: 7 }) { total { sum } } }" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, file.Status);
        Assert.Equal("INVALID_PERIOD", JsonNode.Parse(file.Text)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var bad = await PostAsync(server.Factory.CreateClient(), new { query = "{ provinces { nodes { code } } }", format = "pdf" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("csv, xlsx, parquet", bad.Text);
    }
}

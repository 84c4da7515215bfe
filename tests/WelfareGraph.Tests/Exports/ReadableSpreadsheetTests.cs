using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// Spreadsheets a Persian analyst reads at a glance, on the demo data (Zanjan, the first nine months of 1404):
/// the files are read back with the Open XML SDK and opened by LibreOffice Calc, and every figure is compared
/// with hand-written SQL over the server's database. The Persian words are written here by hand, from the
/// office's published statement, not read from the server's label table.
/// </summary>
public sealed class ReadableSpreadsheetTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    /// <summary>The contribution types as the database stores them and as the office names them.</summary>
    private static readonly Dictionary<long, string> TypesFa = new()
    {
        [1] = "کمک نقدی",
        [2] = "کمک غیرنقدی",
        [3] = "خدمات داوطلبانه",
    };

    private const string Months = "solar_year = 1404 AND solar_month BETWEEN 1 AND 9 AND is_retracted = 0";

    private const string CountyTypes = """
        query CountyTypes {
          contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, TYPE]) {
            groups { key { county { nameFa } type } sum }
          }
        }
        """;

    private const string Types = """
        query Types {
          contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [TYPE]) {
            groups { key { type } sum count share }
          }
        }
        """;

    private static readonly object CountyByType = new
    {
        rows = new[] { "county.nameFa" },
        columns = new[] { "type" },
        values = new[] { "sum" },
    };

    private async Task<byte[]> ExportAsync(object request)
    {
        var file = await PostAsync(server.Factory.CreateClient(), request);
        Assert.True(file.Status == HttpStatusCode.OK, file.Text);
        return file.Body;
    }

    private Task<byte[]> LayoutAsync() =>
        ExportAsync(
            new
            {
                query = CountyTypes,
                mode = "layout",
                format = "xlsx",
                layout = CountyByType,
                lang = "fa",
            }
        );

    [Fact]
    public async Task A_persian_layout_sheet_has_a_title_labelled_headers_grouped_toman_and_totals_equal_to_the_data()
    {
        var sheet = OpenXmlSheets.Open(await LayoutAsync()).Single();
        var byCountyType = Query(
                "SELECT co.name_fa, c.type, SUM(c.amount_rial) FROM contributions c JOIN counties co ON co.id = c.county_id "
                    + "WHERE c.solar_year = 1404 AND c.solar_month BETWEEN 1 AND 9 AND c.is_retracted = 0 GROUP BY co.name_fa, c.type"
            )
            .ToDictionary(r => ((string)r[0]!, TypesFa[(long)r[1]!]), r => (long)r[2]! / 10m);
        Assert.True(byCountyType.Count >= 8, "the demo data has every county");

        Assert.True(sheet.RightToLeft);
        // Row 1: the title alone, naming the query, its period and its unit.
        var title = Assert.Single(sheet.Rows[1].Values, c => c.Value is not null);
        Assert.Equal(1, title.Column);
        Assert.Contains("CountyTypes", title.Text);
        Assert.Contains("فروردین تا آذر ۱۴۰۴", title.Text);
        Assert.Contains("تومان", title.Text);
        Assert.Contains("تهیه‌شده", title.Text);

        // Row 2: the header, the pivot's columns named in Persian words, not API codes.
        var header = sheet.Texts(2);
        Assert.Equal("نام شهرستان", header[0]);
        Assert.Equal(TypesFa.Values.Order(StringComparer.Ordinal), header.Skip(1).SkipLast(1).Order(StringComparer.Ordinal));
        Assert.Equal("جمع کل | جمع", header[^1]);
        Assert.DoesNotContain(header, h => h is "CASH" or "IN_KIND" or "VOLUNTEER_SERVICE");

        var last = sheet.LastRow;
        Assert.Equal(2 + byCountyType.Keys.Select(k => k.Item1).Distinct().Count() + 1, last);
        for (var row = 3; row < last; row++)
        {
            var county = sheet.Cell(row, 1)!.Text!;
            for (var column = 2; column < header.Count; column++)
            {
                var cell = sheet.Cell(row, column);
                if (byCountyType.TryGetValue((county, header[column - 1]!), out var expected))
                    Assert.Equal(expected, cell!.Number);
                else
                    Assert.Null(cell?.Value);
            }
            Assert.Equal(byCountyType.Where(p => p.Key.Item1 == county).Sum(p => p.Value), sheet.Cell(row, header.Count)!.Number);
        }

        // The totals row: each type's sum and the grand total, by SQL, formatted as the data is.
        Assert.Equal("جمع کل", sheet.Cell(last, 1)!.Text);
        var byType = Query($"SELECT type, SUM(amount_rial) FROM contributions WHERE {Months} GROUP BY type")
            .ToDictionary(r => TypesFa[(long)r[0]!], r => (long)r[1]! / 10m);
        for (var column = 2; column < header.Count; column++)
            Assert.Equal(byType[header[column - 1]!], sheet.Cell(last, column)!.Number);
        var total = (long)Query($"SELECT SUM(amount_rial) FROM contributions WHERE {Months}").Single()[0]! / 10m;
        Assert.Equal(56_050_000_000m, total);
        Assert.Equal(total, sheet.Cell(last, header.Count)!.Number);
        foreach (var row in Enumerable.Range(3, last - 2))
        {
            for (var column = 2; column <= header.Count; column++)
                if (sheet.Cell(row, column) is { Value: decimal } number)
                    Assert.Equal("#,##0", number.NumberFormat);
        }

        AssertColumnsFit(sheet, fromRow: 2);
    }

    [Fact]
    public async Task A_summarized_sheet_has_its_header_in_row_1_labelled_values_and_money_count_and_percent_formats()
    {
        var sheet = OpenXmlSheets
            .Open(
                await ExportAsync(
                    new
                    {
                        query = Types,
                        format = "xlsx",
                        lang = "fa",
                    }
                )
            )
            .Single();
        var byType = Query($"SELECT type, SUM(amount_rial), COUNT(*) FROM contributions WHERE {Months} GROUP BY type")
            .ToDictionary(r => TypesFa[(long)r[0]!], r => (Sum: (long)r[1]! / 10m, Count: (long)r[2]!));
        var total = byType.Values.Sum(v => v.Sum);

        Assert.True(sheet.RightToLeft);
        Assert.Equal(["نوع کمک", "جمع", "تعداد", "سهم"], sheet.Texts(1));
        Assert.Equal(1 + byType.Count, sheet.LastRow);
        for (var row = 2; row <= sheet.LastRow; row++)
        {
            var type = sheet.Cell(row, 1)!.Text!;
            Assert.Contains(type, TypesFa.Values);
            Assert.Equal(byType[type].Sum, sheet.Cell(row, 2)!.Number);
            Assert.Equal(byType[type].Count, sheet.Cell(row, 3)!.Number);
            Assert.Equal((double)(byType[type].Sum / total), (double)sheet.Cell(row, 4)!.Number, 9);
            Assert.Equal(
                ("#,##0", "#,##0", "0.0%"),
                (sheet.Cell(row, 2)!.NumberFormat, sheet.Cell(row, 3)!.NumberFormat, sheet.Cell(row, 4)!.NumberFormat)
            );
        }
        AssertColumnsFit(sheet, fromRow: 1);
    }

    [Fact]
    public async Task An_underlying_persian_sheet_dates_each_row_in_solar_hijri_first_and_labels_its_codes()
    {
        const string month = """
            query Farvardin { contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 1 }) { total { count } } }
            """;
        var sheet = OpenXmlSheets
            .Open(
                await ExportAsync(
                    new
                    {
                        query = month,
                        mode = "underlying",
                        format = "xlsx",
                        lang = "fa",
                    }
                )
            )
            .Single();
        var stored = Query(
                "SELECT id, type, amount_rial FROM contributions WHERE solar_year = 1404 AND solar_month = 1 AND is_retracted = 0"
            )
            .ToDictionary(r => (long)r[0]!, r => (Type: TypesFa[(long)r[1]!], Rial: (long)r[2]!));

        var header = sheet.Texts(1);
        int Col(string name) => header.IndexOf(name) + 1;
        Assert.Equal(Col("تاریخ") - 1, Col("تاریخ (شمسی)"));
        Assert.Equal(1 + stored.Count, sheet.LastRow);
        var persian = new PersianCalendar();
        for (var row = 2; row <= sheet.LastRow; row++)
        {
            var id = (long)sheet.Cell(row, Col("شناسه"))!.Number;
            Assert.Equal(stored[id].Type, sheet.Cell(row, Col("نوع کمک"))!.Text);
            var amount = sheet.Cell(row, Col("مبلغ (ریال)"))!;
            Assert.Equal((stored[id].Rial, "#,##0"), ((long)amount.Number, amount.NumberFormat));
            var date = sheet.Cell(row, Col("تاریخ"))!;
            Assert.Equal("yyyy-mm-dd", date.NumberFormat);
            var day = DateTime.FromOADate((double)date.Number);
            Assert.Equal(
                $"{persian.GetYear(day):D4}-{persian.GetMonth(day):D2}-{persian.GetDayOfMonth(day):D2}",
                sheet.Cell(row, Col("تاریخ (شمسی)"))!.Text
            );
            Assert.Equal("0", sheet.Cell(row, Col("شناسه"))!.NumberFormat);
        }
        AssertColumnsFit(sheet, fromRow: 1);
    }

    [Fact]
    public async Task Csv_stays_plain_data_labelled_when_lang_asks_and_coded_without_lang_or_with_codes()
    {
        string[] codes = ["CASH", "IN_KIND", "VOLUNTEER_SERVICE"];
        var (faHeader, fa) = Csv(await ExportAsync(new { query = Types, lang = "fa" }));
        var byType = Query($"SELECT type, SUM(amount_rial) FROM contributions WHERE {Months} GROUP BY type")
            .ToDictionary(r => (long)r[0]!, r => (long)r[1]! / 10m);
        Assert.Equal("نوع کمک", faHeader[0]);
        Assert.Equal(TypesFa.Values.Order(StringComparer.Ordinal), fa.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in fa)
            Assert.Equal(
                byType[TypesFa.Single(t => t.Value == row[0]).Key],
                decimal.Parse(row[1]!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            );

        var (_, en) = Csv(await ExportAsync(new { query = Types, lang = "en" }));
        Assert.Equal(["Cash", "In kind", "Volunteer services"], en.Select(r => r[0]).Order(StringComparer.Ordinal));

        var (_, plain) = Csv(await ExportAsync(new { query = Types }));
        Assert.Equal(codes, plain.Select(r => r[0]).Order(StringComparer.Ordinal));

        var (kept, coded) = Csv(
            await ExportAsync(
                new
                {
                    query = Types,
                    lang = "fa",
                    codes = true,
                }
            )
        );
        Assert.Equal("نوع کمک", kept[0]);
        Assert.Equal(codes, coded.Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LibreOffice_opens_the_persian_sheets_shows_their_number_formats_and_prints_them_to_pdf()
    {
        var layout = await LayoutAsync();
        var pdf = await LibreOfficePdfAsync(layout);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.True(pdf.Length > 2_000, $"a PDF of {pdf.Length} bytes");

        // Calc's CSV holds the cells as Calc shows them: the title, then grouped thousands in the totals row.
        var lines = (await LibreOfficeCsvAsync(layout))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'))
            .ToList();
        Assert.Contains("CountyTypes", lines[0]);
        var (header, rows) = Csv(Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Skip(1))));
        Assert.Contains("کمک غیرنقدی", header);
        Assert.Equal("56,050,000,000", rows[^1][^1]);

        var summarized = await ExportAsync(
            new
            {
                query = Types,
                format = "xlsx",
                lang = "fa",
            }
        );
        Assert.Equal("%PDF"u8.ToArray(), (await LibreOfficePdfAsync(summarized))[..4]);
        var (typesHeader, types) = Csv(Encoding.UTF8.GetBytes(await LibreOfficeCsvAsync(summarized)));
        Assert.Equal(["نوع کمک", "جمع", "تعداد", "سهم"], typesHeader);
        var shares = Query(
                "SELECT type, SUM(amount_rial) * 1.0 / (SELECT SUM(amount_rial) "
                    + $"FROM contributions WHERE {Months}) FROM contributions WHERE {Months} GROUP BY type"
            )
            .ToDictionary(r => TypesFa[(long)r[0]!], r => (double)r[1]!);
        foreach (var row in types)
            Assert.Equal((shares[row[0]!] * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", row[3]);
    }

    /// <summary>Each column at least as wide as its longest header or value as the sheet shows it (the title row aside).</summary>
    private static void AssertColumnsFit(OpenedSheet sheet, int fromRow)
    {
        foreach (var (_, cells) in sheet.Rows.Where(r => r.Key >= fromRow))
        {
            foreach (var cell in cells.Values)
            {
                var shown = Shown(cell);
                Assert.True(
                    sheet.Widths[cell.Column] >= shown.Length,
                    $"column {cell.Column} is {sheet.Widths[cell.Column]} wide for «{shown}» ({shown.Length} characters)"
                );
            }
        }
    }

    private static string Shown(SheetCell cell) =>
        cell.Value switch
        {
            decimal n => cell.NumberFormat switch
            {
                "#,##0" => n.ToString("#,##0", CultureInfo.InvariantCulture),
                "0.0%" => (n * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                "yyyy-mm-dd" => "yyyy-mm-dd",
                _ => n.ToString(CultureInfo.InvariantCulture),
            },
            var v => v?.ToString() ?? "",
        };

    private List<object?[]> Query(string sql)
    {
        using var connection = new SqliteConnection(server.Factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add([.. row.Select(v => v is DBNull ? null : v)]);
        }
        Assert.NotEmpty(rows);
        return rows;
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WelfareGraph.Tests.Exports;

/// <summary>A cell as the Open XML SDK reads it: its value (text or number) and the number format its style applies.</summary>
public sealed record SheetCell(int Row, int Column, object? Value, string NumberFormat)
{
    public string? Text => Value as string;

    public decimal Number => Value is decimal number ? number : throw new Xunit.Sdk.XunitException($"{this} is not a number");

    public override string ToString() => $"cell ({Row}, {Column}): «{Value}» [{NumberFormat}]";
}

/// <summary>One worksheet read with the Open XML SDK (not the writer's library): cells by row, widths, direction, styles.</summary>
public sealed record OpenedSheet(
    string Name,
    bool RightToLeft,
    IReadOnlyDictionary<int, double> Widths,
    SortedDictionary<int, SortedDictionary<int, SheetCell>> Rows
)
{
    public SheetCell? Cell(int row, int column) => Rows.TryGetValue(row, out var cells) ? cells.GetValueOrDefault(column) : null;

    /// <summary>The texts of one row, from column 1 to its last cell.</summary>
    public List<string?> Texts(int row) =>
        Rows.TryGetValue(row, out var cells)
            ? [.. Enumerable.Range(1, cells.Keys.Max()).Select(c => cells.GetValueOrDefault(c)?.Value?.ToString())]
            : [];

    public int LastRow => Rows.Keys.Max();
}

public static class OpenXmlSheets
{
    public static List<OpenedSheet> Open(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var custom =
            styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!)
            ?? [];
        var formats = styles.CellFormats!.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0u).ToList();
        string FormatOf(Cell cell)
        {
            var id = formats[(int)(cell.StyleIndex?.Value ?? 0u)];
            return custom.TryGetValue(id, out var code) ? code : BuiltIn(id);
        }

        var sheets = new List<OpenedSheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var rightToLeft = worksheet.Descendants<SheetView>().Any(v => v.RightToLeft?.Value == true);
            var widths = new Dictionary<int, double>();
            foreach (var column in worksheet.Descendants<Column>())
            {
                for (var c = column.Min!.Value; c <= column.Max!.Value; c++)
                    widths[(int)c] = column.Width!.Value;
            }
            var rows = new SortedDictionary<int, SortedDictionary<int, SheetCell>>();
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                var (row, col) = Position(cell.CellReference!.Value!);
                object? value = cell.DataType?.Value switch
                {
                    var t when t == CellValues.SharedString => shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)],
                    var t when t == CellValues.InlineString => cell.InlineString!.InnerText,
                    var t when t == CellValues.String => cell.CellValue?.Text,
                    var t when t == CellValues.Boolean => cell.CellValue!.Text == "1",
                    _ => cell.CellValue is { Text: { Length: > 0 } text }
                        ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : null,
                };
                if (!rows.TryGetValue(row, out var cells))
                    rows[row] = cells = [];
                cells[col] = new SheetCell(row, col, value, FormatOf(cell));
            }
            sheets.Add(new OpenedSheet(sheet.Name!.Value!, rightToLeft, widths, rows));
        }
        return sheets;
    }

    private static (int Row, int Column) Position(string reference)
    {
        var letters = reference.TakeWhile(char.IsLetter).ToArray();
        var column = letters.Aggregate(0, (n, c) => n * 26 + (char.ToUpperInvariant(c) - 'A' + 1));
        return (int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), column);
    }

    /// <summary>The few built-in number formats (ECMA-376 §18.8.30) a writer may use instead of writing its own.</summary>
    private static string BuiltIn(uint id) =>
        id switch
        {
            0 => "General",
            1 => "0",
            2 => "0.00",
            3 => "#,##0",
            4 => "#,##0.00",
            9 => "0%",
            10 => "0.00%",
            14 => "mm-dd-yy",
            _ => $"builtin {id}",
        };
}

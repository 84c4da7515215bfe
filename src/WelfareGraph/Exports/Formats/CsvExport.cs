using CsvHelper;
using WelfareGraph.Labels;

namespace WelfareGraph.Exports.Formats;

/// <summary>
/// RFC 4180 CSV (CRLF, quotes where needed) in UTF-8 with a byte order mark, so Excel shows Persian text
/// instead of mojibake. Numbers are written invariantly (a dot for decimals, no grouping), dates as ISO
/// <c>yyyy-MM-dd</c>. Text that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>
/// first) is prefixed with an apostrophe: descriptions come from donors and integrations, not from us.
/// </summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    public static async Task WriteAsync(
        Stream destination,
        ExportTable table,
        Language language,
        ExportProgress progress,
        CancellationToken cancellationToken
    )
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        foreach (var column in table.Columns)
            csv.WriteField(column.Header(language));
        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < table.Columns.Count; i++)
                Write(csv, row[i]);
            await csv.EndRecordAsync(cancellationToken);
            progress.Row();
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string text:
                csv.WriteField(text);
                break;
            case long number:
                csv.WriteField(number, default);
                break;
            case int number:
                csv.WriteField(number, default);
                break;
            case decimal number:
                csv.WriteField(number, default);
                break;
            case double number:
                csv.WriteField(number, default);
                break;
            case bool flag:
                csv.WriteField(flag);
                break;
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            default:
                csv.WriteField(value.ToString());
                break;
        }
    }
}

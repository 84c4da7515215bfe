using WelfareGraph.Labels;

namespace WelfareGraph.Exports.Formats;

/// <summary>Counts the rows written so far: a background job's status reads it while the writer runs.</summary>
public sealed class ExportProgress
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    public void Row() => Interlocked.Increment(ref _rows);
}

/// <summary>The three file formats: media type, extension, and the writer of each.</summary>
public static class ExportFormats
{
    public static string ContentType(ExportFormat format) =>
        format switch
        {
            ExportFormat.Csv => "text/csv; charset=utf-8",
            ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/vnd.apache.parquet",
        };

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static Task WriteAsync(
        ExportFormat format,
        Stream destination,
        ExportTable table,
        Language language,
        ExportOptions options,
        string? title,
        ExportProgress progress,
        CancellationToken cancellationToken
    ) =>
        format switch
        {
            ExportFormat.Csv => CsvExport.WriteAsync(destination, table, language, progress, cancellationToken),
            ExportFormat.Xlsx => XlsxExport.WriteAsync(
                destination,
                table,
                language,
                options.XlsxRowsPerSheet,
                title,
                progress,
                cancellationToken
            ),
            _ => ParquetExport.WriteAsync(destination, table, options.ParquetRowGroupSize, progress, cancellationToken),
        };
}

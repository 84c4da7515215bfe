using Parquet;
using Parquet.Schema;

namespace WelfareGraph.Exports.Formats;

/// <summary>
/// Parquet with a typed column per column (int64, decimal(28,6), double, boolean, date, UTF-8 string, all
/// nullable), written a row group at a time: memory holds one row group, whatever the number of rows.
/// Column names are the machine names with <c>_</c> for <c>.</c> (Parquet reads a dot as a nesting path).
/// </summary>
public static class ParquetExport
{
    public const int DecimalPrecision = 28,
        DecimalScale = 6;

    public static async Task WriteAsync(
        Stream destination,
        ExportTable table,
        int rowGroupSize,
        ExportProgress progress,
        CancellationToken cancellationToken
    )
    {
        rowGroupSize = Math.Max(1, rowGroupSize);
        var fields = table.Columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields);
        var output = new AsyncOnlyStream(destination);
        await using (var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken))
            await WriteRowsAsync(writer, fields, table, rowGroupSize, progress, cancellationToken);
        await output.DrainAsync(cancellationToken);
    }

    private static async Task WriteRowsAsync(
        ParquetWriter writer,
        DataField[] fields,
        ExportTable table,
        int rowGroupSize,
        ExportProgress progress,
        CancellationToken cancellationToken
    )
    {
        var buffer = new List<object?[]>(Math.Min(rowGroupSize, 65_536));
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            buffer.Add(row);
            progress.Row();
            if (buffer.Count == rowGroupSize)
            {
                await WriteGroupAsync(writer, fields, table.Columns, buffer, cancellationToken);
                buffer.Clear();
            }
        }
        // A file with no rows still has its schema (and one empty row group), so readers see the columns.
        if (buffer.Count > 0 || fields.Length > 0)
            await WriteGroupAsync(writer, fields, table.Columns, buffer, cancellationToken);
    }

    public static string ColumnName(ExportColumn column) => column.Name.Replace('.', '_');

    private static DataField Field(ExportColumn column) =>
        column.Kind switch
        {
            ColumnKind.Integer => new DataField<long?>(ColumnName(column)),
            ColumnKind.Decimal => new DecimalDataField(ColumnName(column), DecimalPrecision, DecimalScale, isNullable: true),
            ColumnKind.Float => new DataField<double?>(ColumnName(column)),
            ColumnKind.Boolean => new DataField<bool?>(ColumnName(column)),
            ColumnKind.Date => new DataField<DateOnly?>(ColumnName(column)),
            _ => new DataField<string>(ColumnName(column), true),
        };

    private static async Task WriteGroupAsync(
        ParquetWriter writer,
        DataField[] fields,
        IReadOnlyList<ExportColumn> columns,
        List<object?[]> rows,
        CancellationToken cancellationToken
    )
    {
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, index) = (fields[i], i);
            // The column's values as its Parquet type: null stays null, and so does a value read finds of another type.
            Task Write<T>(Func<object, T?> read)
                where T : struct =>
                group.WriteAsync<T>(
                    field,
                    rows.Select(r => r[index] is { } v ? read(v) : null).ToArray(),
                    cancellationToken: cancellationToken
                );
            await (
                columns[i].Kind switch
                {
                    ColumnKind.Integer => Write(v => (long?)Convert.ToInt64(v)),
                    ColumnKind.Decimal => Write(v => v is decimal d ? Math.Round(d, DecimalScale) : (decimal?)null),
                    ColumnKind.Float => Write(v => v as double?),
                    ColumnKind.Boolean => Write(v => v as bool?),
                    ColumnKind.Date => Write(v => v as DateOnly?),
                    _ => group.WriteAsync(field, rows.Select(r => r[index] as string).ToArray()!),
                }
            );
        }
    }
}

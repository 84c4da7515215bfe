using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Xml.Linq;
using CsvHelper;
using MiniExcelLibs;
using Parquet;
using Parquet.Schema;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// Requests exports and reads every format back with a real reader: CsvHelper, MiniExcel, the OOXML itself, Parquet.Net, LibreOffice.
/// </summary>
public static class ExportFiles
{
    public sealed record Download(System.Net.HttpStatusCode Status, string? ContentType, string? FileName, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    public static async Task<Download> PostAsync(HttpClient client, object request, string path = "/exports")
    {
        using var response = await client.PostAsJsonAsync(path, request);
        return await ReadAsync(response);
    }

    public static async Task<Download> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response);
    }

    private static async Task<Download> ReadAsync(HttpResponseMessage response) =>
        new(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            await response.Content.ReadAsByteArrayAsync()
        );

    /// <summary>The header and the records of a CSV file, as CsvHelper's reader gives them.</summary>
    public static (string[] Header, List<string?[]> Rows) Csv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes);
        var rows = new List<string?[]>();
        string[]? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers!];
            var values = new string?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsEmpty(i) ? null : reader.GetString(i);
            rows.Add(values);
        }
        return (header ?? [.. reader.Headers ?? []], rows);
    }

    /// <summary>Every sheet of an xlsx file, each as rows keyed by the header row, as MiniExcel reads them.</summary>
    /// <param name="startCell">Where the header row begins: <c>A2</c> under a layout sheet's title.</param>
    public static List<(string Sheet, List<IDictionary<string, object?>> Rows)> Xlsx(byte[] bytes, string startCell = "A1")
    {
        using var stream = new MemoryStream(bytes);
        return MiniExcel
            .GetSheetNames(stream)
            .Select(sheet =>
            {
                stream.Position = 0;
                var rows = MiniExcel
                    .Query(stream, useHeaderRow: true, sheetName: sheet, startCell: startCell)
                    .Cast<IDictionary<string, object?>>()
                    .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r))
                    .ToList();
                return (sheet, rows);
            })
            .ToList();
    }

    /// <summary>A sheet's XML part, for what readers do not surface: right-to-left, the frozen pane, cell types.</summary>
    public static XDocument SheetXml(byte[] xlsx, int sheet = 1)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var part = zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open();
        return XDocument.Load(part);
    }

    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Each column of a Parquet file with its typed values, read with Parquet.Net.</summary>
    public static async Task<(ParquetSchema Schema, Dictionary<string, List<object?>> Columns, int RowGroups)> ParquetAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var columns = reader.Schema.DataFields.ToDictionary(f => f.Name, _ => new List<object?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            foreach (var field in reader.Schema.DataFields)
                columns[field.Name].AddRange(await ReadColumnAsync(group, field, count));
        }
        return (reader.Schema, columns, reader.RowGroupCount);
    }

    private static async Task<IEnumerable<object?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (IsText(field))
        {
            var v = new string?[count];
            await group.ReadAsync(field, v!);
            return v;
        }
        if (type == typeof(long))
        {
            var v = new long?[count];
            await group.ReadAsync<long>(field, v);
            return v.Cast<object?>();
        }
        if (type == typeof(decimal))
        {
            var v = new decimal?[count];
            await group.ReadAsync<decimal>(field, v);
            return v.Cast<object?>();
        }
        if (type == typeof(double))
        {
            var v = new double?[count];
            await group.ReadAsync<double>(field, v);
            return v.Cast<object?>();
        }
        if (type == typeof(bool))
        {
            var v = new bool?[count];
            await group.ReadAsync<bool>(field, v);
            return v.Cast<object?>();
        }
        if (type == typeof(DateOnly))
        {
            var v = new DateOnly?[count];
            await group.ReadAsync<DateOnly>(field, v);
            return v.Cast<object?>();
        }
        throw new NotSupportedException($"Column {field.Name} of {field.ClrType}");
    }

    /// <summary>A UTF-8 string column (Parquet.Net reads those as strings or as character memory).</summary>
    public static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    /// <summary>Converts an xlsx file to CSV with LibreOffice Calc, headless, and returns the CSV's text (UTF-8), cells as shown.</summary>
    public static async Task<string> LibreOfficeCsvAsync(byte[] xlsx) =>
        System.Text.Encoding.UTF8.GetString(await LibreOfficeAsync(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv"));

    /// <summary>Opens an xlsx file with LibreOffice Calc, headless, and prints it to PDF.</summary>
    public static Task<byte[]> LibreOfficePdfAsync(byte[] xlsx) => LibreOfficeAsync(xlsx, "pdf:calc_pdf_Export", "pdf");

    private static async Task<byte[]> LibreOfficeAsync(byte[] xlsx, string filter, string extension)
    {
        var soffice =
            new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("LibreOffice (soffice) is not installed; ./test.sh installs libreoffice-calc.");
        var folder = Directory.CreateTempSubdirectory("welfaregraph-lo-").FullName;
        try
        {
            var input = Path.Combine(folder, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            var info = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            // A profile of its own: a parallel or leftover LibreOffice must not take the conversion over.
            foreach (
                var argument in new[]
                {
                    $"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    filter,
                    "--outdir",
                    folder,
                    input,
                }
            )
                info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var converted = Path.Combine(folder, "export." + extension);
            if (!File.Exists(converted))
                throw new Xunit.Sdk.XunitException($"soffice made no {extension} (exit {process.ExitCode}): {await output} {await error}");
            return await File.ReadAllBytesAsync(converted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static decimal Number(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}

using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Exports;

/// <summary>The <c>Exports</c> section of appsettings.json.</summary>
[SettingsSection("Exports")]
public sealed class ExportOptions
{
    /// <summary>Data rows per xlsx sheet before the export continues on another (Excel holds 1,048,576 rows with the header).</summary>
    [Range(1, Formats.XlsxExport.ExcelMaxRows - 1)]
    public int XlsxRowsPerSheet { get; set; } = Formats.XlsxExport.ExcelMaxRows - 1;

    /// <summary>Rows per Parquet row group: the most rows a Parquet export holds in memory.</summary>
    [Range(1, int.MaxValue)]
    public int ParquetRowGroupSize { get; set; } = 100_000;

    /// <summary>Where background exports write their files; empty means a folder under the system's temp folder.</summary>
    public string JobFolder { get; set; } = "";

    /// <summary>How long a finished job and its file are kept for download.</summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Background exports one caller may have running at once.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRunningJobsPerCaller { get; set; } = 3;

    /// <summary>Rows per page of the OData feed; more come through <c>@odata.nextLink</c>.</summary>
    [Range(1, int.MaxValue)]
    public int ODataPageSize { get; set; } = 10_000;

    /// <summary>The server's public address for the Power BI connection file; empty means the address the request came to.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public string ResolvedJobFolder =>
        string.IsNullOrWhiteSpace(JobFolder) ? Path.Combine(Path.GetTempPath(), "welfaregraph-exports") : Path.GetFullPath(JobFolder);
}

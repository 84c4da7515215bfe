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

    /// <summary>
    /// Where background exports keep their files, reachable from every server: a shared folder's path, or an Azure
    /// Blob Storage container (a container URL with a SAS token, or a storage connection string with
    /// <see cref="JobContainer"/>). Empty means <see cref="JobFolder"/>.
    /// </summary>
    public string JobStore { get; set; } = "";

    /// <summary>The blob container of the job files when <see cref="JobStore"/> is a storage connection string.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string JobContainer { get; set; } = "welfaregraph-exports";

    /// <summary>
    /// The older name of a folder <see cref="JobStore"/>; empty (with no JobStore) means a folder under the system's temp folder.
    /// </summary>
    public string JobFolder { get; set; } = "";

    /// <summary>
    /// How long a running job stays its server's without a heartbeat: a job whose server stopped is taken over by
    /// another (or marked failed) once this has passed, so no job is left running for ever.
    /// </summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan JobLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a server renews the leases of the jobs it runs (and looks for jobs to take over); less than <see cref="JobLease"/>.
    /// </summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan JobHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many times a job is started (the first run and takeovers) before a job whose servers keep dying is marked failed.
    /// </summary>
    [Range(1, 100)]
    public int JobAttempts { get; set; } = 3;

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

    /// <summary>
    /// The job store as configured: <see cref="JobStore"/>, else the folder <see cref="JobFolder"/> names, else the temp folder's.
    /// </summary>
    public string ResolvedJobStore =>
        !string.IsNullOrWhiteSpace(JobStore) ? JobStore.Trim()
        : !string.IsNullOrWhiteSpace(JobFolder) ? Path.GetFullPath(JobFolder)
        : Path.Combine(Path.GetTempPath(), "welfaregraph-exports");
}

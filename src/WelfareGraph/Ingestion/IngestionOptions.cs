using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Ingestion;

/// <summary>The <c>Ingestion</c> section of appsettings.json.</summary>
[SettingsSection("Ingestion")]
public sealed class IngestionOptions
{
    /// <summary>Most items in one upsert batch.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>
    /// Key of the HMAC that turns national household ids into pseudonyms. Outside Development it must be set
    /// (from a secret store, not this file); losing it means resent households get new pseudonyms.
    /// </summary>
    public string PseudonymKey { get; set; } = "";
}

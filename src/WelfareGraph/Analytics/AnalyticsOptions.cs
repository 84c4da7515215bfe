using System.ComponentModel.DataAnnotations;
using GraphQL;
using WelfareGraph.Configuration;
using WelfareGraph.Querying;

namespace WelfareGraph.Analytics;

/// <summary>The <c>Analytics</c> section of appsettings.json.</summary>
[SettingsSection("Analytics")]
public sealed class AnalyticsOptions
{
    /// <summary>Household counts below this (k) are never published, nor left inside any published total.</summary>
    [Range(1, int.MaxValue)]
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>A grouping that would return more groups than this is refused rather than streamed to a dashboard.</summary>
    [Range(1, int.MaxValue)]
    public int MaxGroups { get; set; } = 50_000;

    /// <summary>
    /// Totals are read from the county or the monthly rollup whenever one gives exactly the facts' answer (off: always from the
    /// facts — for comparing the two, or while a rollup is being rebuilt).
    /// </summary>
    public bool UseRollups { get; set; } = true;
}

using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Querying;

/// <summary>Limits on what one <c>where</c> may ask, checked before any SQL runs (section <c>GraphQL</c>).</summary>
[SettingsSection("GraphQL")]
public sealed class QueryLimitOptions
{
    /// <summary>Most operations (eq, contains, ...) in one filter.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFilterPredicates { get; set; } = 50;

    /// <summary>Most values in one <c>in</c>/<c>nin</c> list.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFilterListSize { get; set; } = 1_000;

    /// <summary>Most fields in one <c>order</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSortFields { get; set; } = 10;
}

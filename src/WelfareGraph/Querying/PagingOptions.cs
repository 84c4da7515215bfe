using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Querying;

/// <summary>The <c>GraphQL</c> section's paging limits (HotChocolate's defaults: 10 and 50).</summary>
[SettingsSection("GraphQL")]
public sealed class PagingOptions
{
    [Range(1, int.MaxValue)]
    public int DefaultPageSize { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int MaxPageSize { get; set; } = 50;
}

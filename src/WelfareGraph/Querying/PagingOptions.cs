namespace WelfareGraph.Querying;

/// <summary>The <c>GraphQL</c> section's paging limits (HotChocolate's defaults: 10 and 50).</summary>
public sealed class PagingOptions
{
    public int DefaultPageSize { get; set; } = 10;
    public int MaxPageSize { get; set; } = 50;
}

using Microsoft.AspNetCore.OData.Query;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// OData's query handling for the feed: <c>$filter</c>, <c>$select</c>, <c>$orderby</c>, <c>$top</c>,
/// <c>$skip</c>, <c>$count</c> and <c>$apply</c>, applied to the action's IQueryable (so EF turns them into SQL),
/// pages of <see cref="ExportOptions.ODataPageSize"/> rows with <c>@odata.nextLink</c>, and limits on how
/// complex a query may be. Created with its options injected, by <see cref="FeedQueryAttribute"/>.
/// </summary>
public sealed class FeedQueryFilter : EnableQueryAttribute
{
    public FeedQueryFilter(ExportOptions options)
    {
        PageSize = options.ODataPageSize;
        MaxNodeCount = 200;
        MaxExpansionDepth = 0;
        MaxAnyAllExpressionDepth = 2;
        // A stable order is what makes the next page continue where this one ended.
        EnsureStableOrdering = true;
    }
}

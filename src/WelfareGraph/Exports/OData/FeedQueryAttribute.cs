using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// OData's query handling for the feed: <c>$filter</c>, <c>$select</c>, <c>$orderby</c>, <c>$top</c>,
/// <c>$skip</c>, <c>$count</c> and <c>$apply</c>, applied to the action's IQueryable (so EF turns them into SQL),
/// pages of <see cref="ExportOptions.ODataPageSize"/> rows with <c>@odata.nextLink</c>, and limits on how
/// complex a query may be.
/// </summary>
public sealed class FeedQueryAttribute : EnableQueryAttribute
{
    public FeedQueryAttribute()
    {
        MaxNodeCount = 200;
        MaxExpansionDepth = 0;
        MaxAnyAllExpressionDepth = 2;
        // A stable order is what makes the next page continue where this one ended.
        EnsureStableOrdering = true;
    }

    public override void OnActionExecuting(ActionExecutingContext actionExecutingContext)
    {
        // Attributes are constructed without DI: the configured page size is read per request (it is the same every time).
        PageSize = actionExecutingContext.HttpContext.RequestServices.GetRequiredService<ExportOptions>().ODataPageSize;
        base.OnActionExecuting(actionExecutingContext);
    }
}

using Microsoft.AspNetCore.Mvc;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// Marks a feed action for <see cref="FeedQueryFilter"/>. Attributes are constructed without dependency injection, so
/// this one only names the filter; MVC creates it (once: the options never change) with its options injected.
/// </summary>
public sealed class FeedQueryAttribute : TypeFilterAttribute
{
    public FeedQueryAttribute()
        : base(typeof(FeedQueryFilter)) => IsReusable = true;
}

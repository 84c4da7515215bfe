using WelfareGraph.Data;
using WelfareGraph.Querying;

namespace WelfareGraph.Analytics;

/// <summary>
/// What the analytics resolvers read with: the caller's contexts, the analytics settings, the filter limits and
/// the clock (for periods relative to today). A resolver receives it as a parameter (GraphQL.NET's
/// <c>Resolve().WithService&lt;AnalyticsReading&gt;()</c>) instead of looking services up.
/// </summary>
public sealed record AnalyticsReading(
    IDbContextFactory<WelfareDbContext> Contexts,
    AnalyticsOptions Options,
    QueryLimitOptions Limits,
    TimeProvider Clock
);

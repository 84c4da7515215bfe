using WelfareGraph.Data;

namespace WelfareGraph.Querying;

/// <summary>
/// What a list resolver reads with: the caller's contexts and the configured limits. A resolver receives it as a
/// parameter (GraphQL.NET's <c>Resolve().WithService&lt;ListReading&gt;()</c>) instead of looking services up.
/// </summary>
public sealed record ListReading(IDbContextFactory<WelfareDbContext> Contexts, PagingOptions Paging, QueryLimitOptions Limits);

using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Ingestion;

/// <summary>
/// What the write API's resolvers write with: the caller's contexts, the reference lookups' context, the batch
/// writer, retraction, the data version clock and the clock. A resolver receives it as a parameter (GraphQL.NET's
/// <c>Resolve().WithService&lt;IngestionWriting&gt;()</c>) instead of looking services up.
/// </summary>
public sealed record IngestionWriting(
    IDbContextFactory<WelfareDbContext> Contexts,
    SystemDbContextFactory System,
    BatchWriter Writer,
    Retraction Retraction,
    DataVersionClock Versions,
    TimeProvider Clock
);

using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// OData's resource serializer, counting the top-level resources it writes into <see cref="FeedEntityCount"/>:
/// each entity of a collection response, each group of an <c>$apply</c> result. Rows stream from the query to
/// the response, so counting them as they are written is the only way to know the number without buffering.
/// Nested resources (written with a context whose <c>ExpandedResource</c> is their parent) are not rows.
/// </summary>
public sealed class CountingResourceSerializer(IODataSerializerProvider serializerProvider) : ODataResourceSerializer(serializerProvider)
{
    public override async Task WriteObjectInlineAsync(
        object graph,
        IEdmTypeReference expectedType,
        ODataWriter writer,
        ODataSerializerContext writeContext
    )
    {
        await base.WriteObjectInlineAsync(graph, expectedType, writer, writeContext);
        // Counted once written, so a resource that failed half-way is not reported as sent.
        if (writeContext.ExpandedResource is null && writeContext.Request?.HttpContext is { } http)
            FeedEntityCount.Of(http).Add();
    }
}

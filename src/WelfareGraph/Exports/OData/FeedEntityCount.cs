namespace WelfareGraph.Exports.OData;

/// <summary>
/// How many entities a feed response carried, counted as the serializer writes them (see
/// <see cref="CountingResourceSerializer"/>) and kept on the request, so the audit entry can record the rows
/// without the response being buffered. A response that writes no entity — <c>$metadata</c>, the service
/// document, <c>$count</c>, an error — leaves it at 0.
/// </summary>
public sealed class FeedEntityCount
{
    private static readonly object Key = new();

    public int Entities { get; private set; }

    /// <summary>The request's count, made on first use (serializers are singletons; the count belongs to the request).</summary>
    public static FeedEntityCount Of(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var existing) && existing is FeedEntityCount count)
            return count;
        count = new FeedEntityCount();
        http.Items[Key] = count;
        return count;
    }

    public void Add() => Entities++;
}

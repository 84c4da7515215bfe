using System.Buffers;

namespace WelfareGraph.Http;

/// <summary>Request bodies read with a bound, for the GraphQL endpoint and the export endpoints alike.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes (read no further than that).</summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
            return null;
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > max)
                    return null;
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.ToArray();
    }
}

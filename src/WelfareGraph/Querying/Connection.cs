namespace WelfareGraph.Querying;

/// <summary>One page of a cursor connection, in HotChocolate's shape.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountTotal)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// A page: its row keys in order (<c>externalId</c> for contributions, the pseudonym <c>id</c> for households,
/// <c>code</c> for the rest), <c>totalCount</c>, and, where given, <c>pageInfo</c> and the <c>__typename</c>s a
/// client's fragments and cache rely on.
/// </summary>
public sealed record PageAnswer(string Field, IReadOnlyList<string> Keys, int TotalCount) : HotChocolateAnswer(Field)
{
    public bool? HasNextPage { get; init; }
    public bool? HasPreviousPage { get; init; }

    /// <summary>The connection's or segment's <c>__typename</c>, where the document selects it.</summary>
    public string? TypeName { get; init; }

    /// <summary>Every edge's <c>__typename</c>, where the document selects it.</summary>
    public string? EdgeTypeName { get; init; }
}

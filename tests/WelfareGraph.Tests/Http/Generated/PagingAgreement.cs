using System.Text.Json.Nodes;
using CsCheck;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// Cursor paging and offset paging describe the same list: the page after the cursor of index k is the page that
/// skips k + 1 rows, for any filter and order, and for every k a cursor can name (the largest included, where
/// int arithmetic would wrap).
/// </summary>
public static class PagingAgreement
{
    private static readonly Gen<int> Index = Gen.Frequency(
        (3, Gen.Int[0, 6_100]),
        (1, Gen.OneOf(int.MaxValue, int.MaxValue - 1, 1_000_000_000))
    );

    public static readonly Gen<GeneratedRequest> Request =
        from index in Index
        from size in Gen.Int[1, ValidOperations.MaxPage]
        from condition in Gen.Frequency((1, Gen.Const((GraphQLValue?)null)), (2, Filters.Contribution.Select(w => (GraphQLValue?)w)))
        from order in Filters.ContributionOrder
        let skip = Math.Min(index + 1L, int.MaxValue)
        let filter = condition is null ? "" : $", where: {condition.Literal()}"
        let document = $"{{ cursor: contributions(first: {size}, after: \"{DemoValues.Cursor(index)}\", "
            + $"order: {order.Literal()}{filter}) {{ nodes {{ id }} }} "
            + $"offset: contributionsPage(skip: {skip}, take: {size}, order: {order.Literal()}{filter}) {{ items {{ id }} }} }}"
        let operation = new GeneratedOperation(document, null, null, "paging:agreement", Valid: true)
        select new GeneratedRequest(
            "POST",
            "/graphql",
            RequestGenerator.BodyOf(operation),
            "application/json",
            "application/graphql-response+json",
            Caller.Analyst,
            operation.Kind,
            ExpectExecuted: true,
            Repeatable: false,
            IsBatch: false,
            Invariant: SamePage
        );

    private static string? SamePage(JsonNode body)
    {
        var cursor = body["data"]?["cursor"]?["nodes"]?.ToJsonString();
        var offset = body["data"]?["offset"]?["items"]?.ToJsonString();
        return cursor == offset ? null : $"the page after the cursor ({cursor}) is not the page the offset gives ({offset})";
    }
}

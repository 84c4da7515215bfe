using System.Text;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// Found by the generated requests (GeneratedRequestTests): a cursor naming the largest int index made the next
/// page start at int.MinValue, which the database read as offset 0, so a client paging on got the first page again.
/// </summary>
public sealed class CursorOverflowTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private static string CursorOf(long index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Nothing_follows_the_largest_index_a_cursor_can_name()
    {
        var data = await server.Client.DataAsync(
            $$"""{ contributions(first: 3, after: "{{CursorOf(int.MaxValue)}}") """
                + $$"""{ nodes { id } pageInfo { hasNextPage hasPreviousPage } } }"""
        );
        Assert.Empty(data["contributions"]!["nodes"]!.AsArray());
        Assert.False(data["contributions"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(data["contributions"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_page_after_a_cursor_is_the_page_that_offset_gives()
    {
        var data = await server.Client.DataAsync(
            $$"""
            { contributions(first: 3, after: "{{CursorOf(4)}}", order: [{ id: ASC }]) { nodes { id } }
              contributionsPage(skip: 5, take: 3, order: [{ id: ASC }]) { items { id } } }
            """
        );
        Assert.Equal(data["contributionsPage"]!["items"]!.ToJsonString(), data["contributions"]!["nodes"]!.ToJsonString());
        Assert.Equal(3, data["contributions"]!["nodes"]!.AsArray().Count);
    }
}

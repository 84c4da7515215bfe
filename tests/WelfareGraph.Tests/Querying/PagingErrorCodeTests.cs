using Microsoft.Data.Sqlite;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// HotChocolate 15's paging error codes over HTTP, wherever the condition arises: a page size above the maximum is
/// <c>HC0051</c>, a negative <c>first</c>/<c>last</c>/<c>take</c>/<c>skip</c> is <c>HC0079</c>, a cursor that does not
/// decode is <c>HC0078</c> (root connections, offset segments and the change feeds).
/// </summary>
public sealed class PagingErrorCodeTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    [Theory]
    [InlineData("{ contributions(first: 51) { nodes { id } } }", "HC0051")]
    [InlineData("{ contributions(last: 51) { nodes { id } } }", "HC0051")]
    [InlineData("{ provinces(first: 1000) { totalCount } }", "HC0051")]
    [InlineData("{ contributionsPage(take: 51) { items { id } } }", "HC0051")]
    [InlineData("{ contributionChanges(first: 1001) { hasNextPage } }", "HC0051")]
    [InlineData("{ contributions(first: -1) { nodes { id } } }", "HC0079")]
    [InlineData("{ contributions(last: -3) { nodes { id } } }", "HC0079")]
    [InlineData("{ contributionsPage(take: -1) { items { id } } }", "HC0079")]
    [InlineData("{ contributionsPage(skip: -5, take: 3) { items { id } } }", "HC0079")]
    [InlineData("{ contributionChanges(first: -1) { hasNextPage } }", "HC0079")]
    [InlineData("""{ contributions(first: 3, after: "not a cursor") { nodes { id } } }""", "HC0078")]
    [InlineData("""{ contributions(last: 3, before: "bm9wZQ==") { nodes { id } } }""", "HC0078")]
    [InlineData("""{ contributions(first: 3, after: "LTE=") { nodes { id } } }""", "HC0078")]
    [InlineData("""{ contributionChanges(after: "xyz") { hasNextPage } }""", "HC0078")]
    public async Task A_paging_condition_has_HotChocolates_code(string query, string code)
    {
        var json = await server.Client.QueryAsync(query);
        var error = Assert.Single(json["errors"]!.AsArray())!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(error["path"]);
    }

    [Fact]
    public async Task The_page_size_error_names_the_requested_and_allowed_sizes_and_the_cursor_error_its_argument()
    {
        var size = Assert.Single((await server.Client.QueryAsync("{ contributions(first: 60) { nodes { id } } }"))["errors"]!.AsArray())![
            "extensions"
        ]!;
        Assert.Equal((60, 50), (size["requestedItems"]!.GetValue<int>(), size["maxAllowedItems"]!.GetValue<int>()));
        var cursor = Assert.Single(
            (await server.Client.QueryAsync("""{ contributions(before: "%%") { nodes { id } } }"""))["errors"]!.AsArray()
        )!["extensions"]!;
        Assert.Equal(("before", "%%"), (cursor["argument"]!.GetValue<string>(), cursor["cursor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_paging_error_nulls_its_own_field_and_the_other_fields_keep_their_data()
    {
        // One dashboard request, two panels: the second asks for too large a page.
        var json = await server.Client.QueryAsync(
            "{ provinces(first: 5) { totalCount } contributions(first: 51) { nodes { id } } contributionsPage(take: -1) { totalCount } }"
        );

        Assert.Equal(["HC0051", "HC0079"], json["errors"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()).Order());
        var data = json["data"]!.AsObject();
        Assert.Null(data["contributions"]);
        Assert.Null(data["contributionsPage"]);
        // The demo data holds the 31 provinces (hand-written SQL over the server's own database).
        Assert.Equal(StoredProvinces(), data["provinces"]!["totalCount"]!.GetValue<int>());
    }

    private int StoredProvinces()
    {
        var connectionString = server.Factory.ConnectionString;
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM provinces";
        var count = Convert.ToInt32(command.ExecuteScalar());
        Assert.True(count > 0);
        return count;
    }

    [Fact]
    public async Task The_old_codes_are_gone()
    {
        foreach (
            var query in new[]
            {
                "{ contributions(first: 51) { nodes { id } } }",
                "{ contributions(first: -1) { nodes { id } } }",
                """{ contributions(after: "x") { nodes { id } } }""",
            }
        )
        {
            var code = (await server.Client.QueryAsync(query))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
            Assert.DoesNotContain(code, (string[])["PAGE_SIZE_EXCEEDED", "INVALID_PAGING", "INVALID_CURSOR"]);
        }
    }
}

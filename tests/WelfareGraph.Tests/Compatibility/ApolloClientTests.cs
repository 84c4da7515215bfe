using System.Text.Json;
using Microsoft.Data.Sqlite;
using WelfareGraph.Contributions;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// npm's <c>@apollo/client</c>, set up as a HotChocolate user sets it up (possibleTypes from the schema, a
/// relay-style pagination policy, type policies keyed by HotChocolate's type names), against the running server:
/// two pages of a filtered, sorted query through a fragment on <c>ContributionsConnection</c>, read back from the
/// normalized cache; graphql-js validates the query and the trusted operations against the SDL the server serves.
/// </summary>
public sealed class ApolloClientTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly string Folder = Path.Combine(
        RepositoryPaths.Root,
        "tests",
        "WelfareGraph.Tests",
        "Compatibility",
        "ApolloClient"
    );

    [Fact]
    public async Task A_HotChocolate_client_pages_and_reads_the_connection_back_from_its_cache()
    {
        await NpmPackages.RestoreAsync(Folder);
        using var output = JsonDocument.Parse(
            await RunNodeAsync(
                "apollo-cache.mjs",
                new Uri(server.BaseAddress, "graphql").ToString(),
                Path.Combine(RepositoryPaths.Schema, "operations")
            )
        );
        var root = output.RootElement;

        // graphql-js finds nothing to object to in the query or in any trusted operation.
        var validation = root.GetProperty("validation")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()).ToList());
        var operations = Directory
            .GetFiles(Path.Combine(RepositoryPaths.Schema, "operations"), "*.graphql")
            .Select(Path.GetFileName)
            .ToList();
        Assert.Equal(operations.Append("CashPage").Order(), validation.Keys.Order());
        Assert.All(validation, v => Assert.True(v.Value.Count == 0, $"{v.Key}: {string.Join("; ", v.Value)}"));

        // The expected rows, by hand-written SQL over the server's own database.
        var expected = CashByAmount(server.Factory.ConnectionString);
        Assert.True(expected.Ids.Count >= 10, "the demo data has at least two pages of cash gifts");

        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(2, pages.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("ContributionsConnection", pages[i].GetProperty("__typename").GetString());
            Assert.Equal(expected.Count, pages[i].GetProperty("totalCount").GetInt32());
            // The client answers from its cache: after the second page, the merged connection holds both.
            Assert.Equal(expected.Ids.Take(5 * (i + 1)), Ids(pages[i]));
            Assert.All(
                pages[i].GetProperty("edges").EnumerateArray(),
                e => Assert.Equal("ContributionsEdge", e.GetProperty("__typename").GetString())
            );
        }

        // The normalized cache answers the fragment: both pages merged, in order, under the connection's type.
        var cached = root.GetProperty("cached");
        Assert.Equal(JsonValueKind.Object, cached.ValueKind);
        Assert.Equal("ContributionsConnection", cached.GetProperty("__typename").GetString());
        Assert.Equal(expected.Ids.Take(10), Ids(cached));
        Assert.Equal(expected.Count, cached.GetProperty("totalCount").GetInt32());
    }

    private static List<long> Ids(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => long.Parse(e.GetProperty("node").GetProperty("id").GetString()!))];

    /// <summary>Cash gifts not retracted, largest first, ties by id: the count and the first ten ids.</summary>
    private static (int Count, List<long> Ids) CashByAmount(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM contributions WHERE type = $type AND NOT is_retracted";
        count.Parameters.AddWithValue("$type", (int)ContributionType.Cash);
        using var top = connection.CreateCommand();
        top.CommandText = "SELECT id FROM contributions WHERE type = $type AND NOT is_retracted ORDER BY amount_rial DESC, id LIMIT 10";
        top.Parameters.AddWithValue("$type", (int)ContributionType.Cash);
        var ids = new List<long>();
        using (var reader = top.ExecuteReader())
            while (reader.Read())
                ids.Add(reader.GetInt64(0));
        return (Convert.ToInt32(count.ExecuteScalar()), ids);
    }

    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        var node = await ChildProcess.RunAsync("node", [script, .. arguments], Folder, TimeSpan.FromMinutes(2));
        Assert.True(node.ExitCode == 0, $"node {script} exited with {node.ExitCode}: {node.Error}");
        return node.Output;
    }
}

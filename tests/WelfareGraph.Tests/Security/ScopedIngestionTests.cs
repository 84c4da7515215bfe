using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>Ingestion by a county-scoped system: a key already stored in a county it cannot see is refused by name.</summary>
public sealed class ScopedIngestionTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    private const string Upsert = """
        mutation($input: UpsertContributionsInput!) { upsertContributions(input: $input) { inserted updated unchanged errors { index externalId field code } } }
        """;

    private static object Input(string county, long amount) => new
    {
        input = new
        {
            sourceSystem = "scoped-ingestion", atomic = false,
            items = new[] { new { externalId = "shared-1", date = "1404-08-15", countyCode = county, type = "CASH", sector = "GOVERNMENT", channel = "COLLECTION_BASE", amountRial = amount } },
        },
    };

    [Fact]
    public async Task A_key_stored_outside_the_callers_scope_is_refused_not_written()
    {
        var national = (await server.DataAsync(server.Token(WelfareRoles.Integration), Upsert, Input("IR-19-02", 5_000_000)))["upsertContributions"]!;
        Assert.Equal(1, national["inserted"]!.GetValue<int>());

        var county = (await server.DataAsync(server.Token(WelfareRoles.Integration, "IR-19-01"), Upsert, Input("IR-19-01", 9_000_000)))["upsertContributions"]!;
        Assert.Equal((0, 0, 0), (county["inserted"]!.GetValue<int>(), county["updated"]!.GetValue<int>(), county["unchanged"]!.GetValue<int>()));
        var error = Assert.Single(county["errors"]!.AsArray())!;
        Assert.Equal(("shared-1", "externalId", "OUT_OF_SCOPE"), (error["externalId"]!.GetValue<string>(), error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));

        // The stored record is the national one, untouched.
        var stored = await server.DataAsync(server.Token(WelfareRoles.Analyst), """
            { contributions(where: { sourceSystem: { eq: "scoped-ingestion" } }) { nodes { amountRial county { code } } } }
            """);
        var row = Assert.Single(stored["contributions"]!["nodes"]!.AsArray())!;
        Assert.Equal((5_000_000L, "IR-19-02"), (row["amountRial"]!.GetValue<long>(), row["county"]!["code"]!.GetValue<string>()));
    }
}

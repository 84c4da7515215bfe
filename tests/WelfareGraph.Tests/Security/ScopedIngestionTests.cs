using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>The demo data behind Entra ID in Production, with the key households' national ids are hashed under.</summary>
public sealed class IngestingSecuredServer : SecuredServer
{
    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(
                new Dictionary<string, string?> { ["Ingestion:PseudonymKey"] = "scoped-ingestion-test-key" },
                environment: "Production",
                identity: Identity
            )
        );
}

/// <summary>Ingestion by a county-scoped system: a key already stored in a county it cannot see is refused by name.</summary>
public sealed class ScopedIngestionTests(IngestingSecuredServer server) : IClassFixture<IngestingSecuredServer>
{
    private const string Upsert = """
        mutation($input: UpsertContributionsInput!) { upsertContributions(input: $input)
          { inserted updated unchanged errors { index externalId field code } } }
        """;

    private static object Input(string county, long amount) =>
        new
        {
            input = new
            {
                sourceSystem = "scoped-ingestion",
                atomic = false,
                items = new[]
                {
                    new
                    {
                        externalId = "shared-1",
                        date = "1404-08-15",
                        countyCode = county,
                        type = "CASH",
                        sector = "GOVERNMENT",
                        channel = "COLLECTION_BASE",
                        amountRial = amount,
                    },
                },
            },
        };

    [Fact]
    public async Task A_key_stored_outside_the_callers_scope_is_refused_not_written()
    {
        var national = (await server.DataAsync(server.Token(WelfareRoles.Integration), Upsert, Input("IR-19-02", 5_000_000)))[
            "upsertContributions"
        ]!;
        Assert.Equal(1, national["inserted"]!.GetValue<int>());

        var county = (await server.DataAsync(server.Token(WelfareRoles.Integration, "IR-19-01"), Upsert, Input("IR-19-01", 9_000_000)))[
            "upsertContributions"
        ]!;
        Assert.Equal(
            (0, 0, 0),
            (county["inserted"]!.GetValue<int>(), county["updated"]!.GetValue<int>(), county["unchanged"]!.GetValue<int>())
        );
        var error = Assert.Single(county["errors"]!.AsArray())!;
        Assert.Equal(
            ("shared-1", "externalId", "OUT_OF_SCOPE"),
            (error["externalId"]!.GetValue<string>(), error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>())
        );

        // The stored record is the national one, untouched.
        var stored = await server.DataAsync(
            server.Token(WelfareRoles.Analyst),
            """
            { contributions(where: { sourceSystem: { eq: "scoped-ingestion" } }) { nodes { amountRial county { code } } } }
            """
        );
        var row = Assert.Single(stored["contributions"]!["nodes"]!.AsArray())!;
        Assert.Equal((5_000_000L, "IR-19-02"), (row["amountRial"]!.GetValue<long>(), row["county"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_household_covered_outside_the_callers_scope_is_refused_without_saying_where()
    {
        const string upsert = """
            mutation($items: [HouseholdInput!]!) {
              upsertHouseholds(input: { sourceSystem: "scoped-registry", items: $items, atomic: false }) {
                inserted updated errors { index field code message } } }
            """;
        object Items(string county) =>
            new
            {
                items = new[]
                {
                    new
                    {
                        nationalId = "5556667778",
                        countyCode = county,
                        benefit = "PENSION",
                        coveredSince = "1403-02-01",
                        members = 3,
                    },
                },
            };
        var national = (await server.DataAsync(server.Token(WelfareRoles.Integration), upsert, Items("IR-19-02")))["upsertHouseholds"]!;
        Assert.Equal(1, national["inserted"]!.GetValue<int>());

        var county = (await server.DataAsync(server.Token(WelfareRoles.Integration, "IR-19-01"), upsert, Items("IR-19-01")))[
            "upsertHouseholds"
        ]!;
        Assert.Equal((0, 0), (county["inserted"]!.GetValue<int>(), county["updated"]!.GetValue<int>()));
        var error = Assert.Single(county["errors"]!.AsArray())!;
        Assert.Equal((0, "OUT_OF_SCOPE"), (error["index"]!.GetValue<int>(), error["code"]!.GetValue<string>()));
        Assert.DoesNotContain("IR-19-02", error["message"]!.GetValue<string>());
    }
}

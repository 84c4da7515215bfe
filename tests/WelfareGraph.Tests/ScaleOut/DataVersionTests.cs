using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// Every write that can change an answer moves the data version, and the mutation's response carries the
/// version it committed — checked against the version row read with hand-written SQL after each write.
/// </summary>
public sealed class DataVersionTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private static readonly string[] Writes =
    [
        """mutation { upsertContributions(input: { sourceSystem: "dv", items: [{ externalId: "dv-1", """
            + """date: "1403-05-02", countyCode: "IR-19-07", type: CASH, sector: CHARITY, """
            + """channel: CHARITY_INSTITUTION, amountRial: 5000000 }] }) { inserted errors { code } } }""",
        """mutation { upsertHouseholds(input: { sourceSystem: "dv", items: [{ nationalId: "4311223344", """
            + """countyCode: "IR-19-06", benefit: PENSION, coveredSince: "1403-02-01", members: 4 }] }) { inserted errors { code } } }""",
        """mutation { upsertCounties(items: [{ code: "IR-19-07", nameFa: "شهرستان آزمون", """
            + """nameEn: "Test county", provinceCode: "IR-19", totalHouseholds: 98765 }]) { updated errors { code } } }""",
        """mutation { upsertProvinces(items: [{ code: "IR-19", nameFa: "استان آزمون", """
            + """nameEn: "Test province" }]) { updated errors { code } } }""",
        """mutation { upsertCenters(items: [{ code: "CE-DV-1", name: "مرکز آزمون", countyCode: "IR-19-07", """
            + """kind: ELDERLY, ownership: GOVERNMENT, capacity: 80, residents: 61 }]) { inserted errors { code } } }""",
        """mutation { upsertCharities(items: [{ code: "CH-DV-1", name: "خیریه آزمون", """
            + """countyCode: "IR-19-07", licenceNo: "L-1" }]) { inserted errors { code } } }""",
        """mutation { retractContributions(sourceSystem: "dv", externalIds: ["dv-1"], """
            + """reason: "entered twice") { retracted errors { code } } }""",
        """mutation { closePeriod(province: "IR-19", year: 1402, month: 3) { year } }""",
        """mutation { reopenPeriod(province: "IR-19", year: 1402, month: 3) }""",
        """mutation { publishReport(province: "IR-19", period: { year: 1403, quarter: 1 }) { id } }""",
    ];

    [Fact]
    public async Task Every_kind_of_write_moves_the_data_version_and_its_response_carries_the_committed_one()
    {
        var before = await StoredVersionAsync();
        foreach (var write in Writes)
        {
            var response = await server.Client.QueryAsync(write);
            Assert.True(response["errors"] is null, write + "\n" + response.ToJsonString());
            AssertNoItemErrors(response, write);
            var stored = await StoredVersionAsync();
            Assert.True(stored > before, $"the data version did not move for {write}");
            Assert.Equal(stored, response["extensions"]?["dataVersion"]?.GetValue<long>());
            before = stored;
        }
    }

    [Fact]
    public async Task A_write_that_changes_nothing_leaves_the_version_and_answers_the_current_one()
    {
        const string county = """
            mutation { upsertCounties(items: [{ code: "IR-19-05", nameFa: "شهرستان ثابت", nameEn: "Still",
              provinceCode: "IR-19", totalHouseholds: 4242 }]) { updated unchanged } }
            """;
        await server.Client.DataAsync(county);
        var after = await StoredVersionAsync();
        var again = await server.Client.QueryAsync(county);
        Assert.Equal(1, again["data"]!["upsertCounties"]!["unchanged"]!.GetValue<int>());
        Assert.Equal(after, await StoredVersionAsync());
        Assert.Equal(after, again["extensions"]!["dataVersion"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_query_on_the_primary_alone_carries_no_replica_extensions()
    {
        var response = await server.Client.QueryAsync("{ contributionTotals { total { amount } } }");
        Assert.Null(response["extensions"]?["dataAsOf"]);
    }

    private static void AssertNoItemErrors(JsonNode response, string write)
    {
        var field = response["data"]!.AsObject().Single().Value;
        if (field is JsonObject result && result["errors"] is JsonArray errors)
            Assert.True(errors.Count == 0, write + "\n" + errors.ToJsonString());
    }

    private async Task<long> StoredVersionAsync()
    {
        await using var connection = new SqliteConnection(server.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM data_version WHERE id = 1";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

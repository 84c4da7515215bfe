using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using WelfareGraph.Security;
using WelfareGraph.Tests.Exports.Jobs;
using WelfareGraph.Tests.Security;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Requests;

/// <summary>
/// The other half of one admission for every edge: a caller scoped to one county gets that county's contributions,
/// and a caller scoped to a province with no data gets none, on every edge alike. Reads outside a scope are not
/// refused but filtered (the caller learns nothing, not even that rows exist), so the same answer is the same count
/// and sum, checked against hand-written SQL over the demo database.
/// </summary>
public sealed class EdgeScopeTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    public enum Edge
    {
        GraphQL,
        Export,
        ExportJob,
        PowerBiModel,
        ODataFeed,
    }

    /// <summary>Tehran's code: a valid province code whose province the demo (Zanjan only) does not hold.</summary>
    private const string ProvinceWithoutData = "IR-23";

    private const string Totals = "{ contributionTotals(unit: RIAL) { total { count sum } } }";

    public static TheoryData<Edge> Edges => new(Enum.GetValues<Edge>());

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task A_county_scoped_caller_gets_its_county_and_nothing_else_on_every_edge(Edge edge)
    {
        var county = BusiestCounty();
        var expected = Contributions("k.code = $scope", county);
        Assert.True(expected.Count > 0, $"the demo has no contributions in {county}");
        Assert.True(expected.Count < Contributions("1 = 1", "").Count, "the county is the whole demo");

        var token = server.Identity.Token([WelfareRoles.Analyst], county, subject: "edge-scope-county");
        Assert.Equal(expected, await TotalsAsync(edge, token));
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task A_caller_scoped_to_a_province_without_data_gets_nothing_on_every_edge(Edge edge)
    {
        Assert.Equal(0, Contributions("substr(k.code, 1, 5) = $scope", ProvinceWithoutData).Count);
        var token = server.Identity.Token([WelfareRoles.Analyst], ProvinceWithoutData, subject: "edge-scope-empty");
        Assert.Equal((0, 0m), await TotalsAsync(edge, token));
    }

    /// <summary>The count and rial sum of the contributions the edge gives the caller.</summary>
    private async Task<(int Count, decimal Sum)> TotalsAsync(Edge edge, string token)
    {
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), token);
        switch (edge)
        {
            case Edge.GraphQL:
                var total = (await server.DataAsync(token, Totals))["contributionTotals"]!["total"]!;
                return (total["count"]!.GetValue<int>(), total["sum"]!.GetValue<decimal>());
            case Edge.Export:
                return Underlying(await PostAsync(client, new { query = Totals, mode = "underlying" }));
            case Edge.ExportJob:
                return Underlying(await JobFileAsync(client));
            case Edge.PowerBiModel:
                var model = await GetAsync(client, "/exports/powerbi/model.zip");
                Assert.Equal(HttpStatusCode.OK, model.Status);
                using (var zip = new ZipArchive(new MemoryStream(model.Body)))
                {
                    await using var entry = zip.GetEntry("parquet/contributions.parquet")!.Open();
                    using var copy = new MemoryStream();
                    await entry.CopyToAsync(copy);
                    var (_, columns, _) = await ParquetAsync(copy.ToArray());
                    var amounts = columns["AmountRial"];
                    return (amounts.Count, amounts.Sum(v => (decimal)(long)v!));
                }
            default:
                var feed = await GetAsync(client, "/odata/Contributions?$apply=aggregate(AmountRial with sum as Total,$count as N)");
                Assert.Equal(HttpStatusCode.OK, feed.Status);
                var cell = JsonNode.Parse(feed.Text)!["value"]!.AsArray().SingleOrDefault();
                // An aggregate over no rows is no row at all, or one with a null total.
                return cell is null ? (0, 0m) : (cell["N"]!.GetValue<int>(), cell["Total"]?.GetValue<decimal>() ?? 0m);
        }
    }

    private static (int Count, decimal Sum) Underlying(Download file)
    {
        Assert.Equal(HttpStatusCode.OK, file.Status);
        var (header, rows) = Csv(file.Body);
        var amount = Array.IndexOf(header, "amountRial");
        return (rows.Count, rows.Sum(r => decimal.Parse(r[amount]!, CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs the underlying export as a background job and downloads its file.</summary>
    private static async Task<Download> JobFileAsync(HttpClient client)
    {
        var id = await JobClient.StartAsync(client, new { query = Totals, mode = "underlying" });
        var status = await JobClient.FinishedAsync(client, id);
        Assert.Equal("succeeded", JobClient.State(status));
        return await GetAsync(client, status["downloadUrl"]!.GetValue<string>());
    }

    private string BusiestCounty()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT k.code FROM contributions c JOIN counties k ON k.id = c.county_id
            WHERE c.is_retracted = 0 GROUP BY k.code ORDER BY COUNT(*) DESC, k.code LIMIT 1
            """;
        return (string)command.ExecuteScalar()!;
    }

    private (int Count, decimal Sum) Contributions(string where, string scope)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(*), COALESCE(SUM(c.amount_rial), 0) FROM contributions c JOIN counties k ON k.id = c.county_id
            WHERE c.is_retracted = 0 AND {where}
            """;
        command.Parameters.AddWithValue("$scope", scope);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(server.Factory.ConnectionString);
        connection.Open();
        return connection;
    }
}

using System.Net;
using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// <c>GET /exports/{operation}.{format}</c>: trusted operations with variables from the query string, for refreshable links.
/// </summary>
public sealed class NamedExportTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    // {"year":1404,"fromMonth":1,"toMonth":9}
    private const string Period = "%7B%22year%22%3A1404%2C%22fromMonth%22%3A1%2C%22toMonth%22%3A9%7D";

    [Fact]
    public async Task A_trusted_operation_with_scalar_parameters_and_json_variables_exports_its_groups()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Schema, "operations", "TotalsByCounty.graphql"));
        var groups = (JsonArray)
            (
                await server.Client.DataAsync(
                    document,
                    new
                    {
                        province = "IR-19",
                        period = new
                        {
                            year = 1404,
                            fromMonth = 1,
                            toMonth = 9,
                        },
                    }
                )
            )["contributionTotals"]!["groups"]!;

        var file = await GetAsync(
            server.Factory.CreateClient(),
            $"/exports/TotalsByCounty.csv?province=IR-19&variables=%7B%22period%22%3A{Period}%7D"
        );

        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal("TotalsByCounty_1404-01_1404-09.csv", file.FileName);
        var (header, rows) = Csv(file.Body);
        Assert.Equal(groups.Count, rows.Count);
        var sum = Array.IndexOf(header, "sum");
        var subtotal = Array.IndexOf(header, "subtotal");
        for (var i = 0; i < groups.Count; i++)
        {
            Assert.Equal(
                groups[i]!["sum"]!.GetValue<decimal>(),
                decimal.Parse(rows[i][sum]!, System.Globalization.CultureInfo.InvariantCulture)
            );
            Assert.Equal(groups[i]!["subtotal"]!.GetValue<bool>() ? "true" : "false", rows[i][subtotal]);
        }
        // The rollup's grand total row is the published total.
        Assert.Equal("56050000000", rows[^1][sum]);
    }

    [Fact]
    public async Task The_participation_statement_exports_as_one_persian_row()
    {
        var file = await GetAsync(
            server.Factory.CreateClient(),
            $"/exports/ParticipationStatement.xlsx?province=IR-19&lang=fa&variables=%7B%22period%22%3A{Period}%7D"
        );
        var row = Xlsx(file.Body).Single().Rows.Single();

        Assert.Equal(56_050_000_000m, Number(row["جمع کل"]));
        Assert.Equal(30_606m, Number(row["خانوارهای تحت پوشش خانوارها"]));
        Assert.Contains("زنجان", (string)row["متن گزارش"]!);
    }

    [Fact]
    public async Task Unknown_operations_and_parameters_are_refused()
    {
        var missing = await GetAsync(server.Factory.CreateClient(), "/exports/NoSuchOperation.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);

        var unknown = await GetAsync(server.Factory.CreateClient(), "/exports/TotalsByCounty.csv?provinec=IR-19");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("`provinec` is not a variable", unknown.Text);
    }

    [Theory]
    [InlineData("""{"query": 5}""", "$.query")]
    [InlineData("""{"query": "{ __typename }", "format": ["csv"]}""", "$.format")]
    [InlineData("""{"query": "{ __typename }", "layout": 3}""", "$.layout")]
    public async Task An_unreadable_export_request_is_400_with_a_message_in_the_clients_terms(string json, string where)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Factory.CreateClient().PostAsync("/exports", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_REQUEST", error["extensions"]!["code"]!.GetValue<string>());
        var message = error["message"]!.GetValue<string>();
        Assert.StartsWith("The request body is not a valid export request: ", message, StringComparison.Ordinal);
        Assert.True(message.Contains(where, StringComparison.Ordinal), message);
        Assert.False(
            System.Text.RegularExpressions.Regex.IsMatch(message, @"System\.|GraphQL\.|WelfareGraph\.|LineNumber|BytePositionInLine"),
            message
        );
    }
}

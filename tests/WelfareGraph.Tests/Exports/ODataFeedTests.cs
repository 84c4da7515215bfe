using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Exports;

/// <summary>The demo data with the SQL the server sends counted, and small OData pages.</summary>
public sealed class CountedODataServer : IDisposable
{
    public const int PageSize = 1_000;

    public CountedODataServer()
    {
        Factory = new WelfareGraphFactory(
            new Dictionary<string, string?>
            {
                ["Exports:ODataPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        )
        {
            TestServices = services => services.AddSingleton<IInterceptor>(Sql),
        };
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public SqlCounter Sql { get; } = new();
    public WelfareGraphFactory Factory { get; }
    public GraphQLClient Client { get; }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Factory.CreateClient().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => Factory.Dispose();
}

/// <summary>The OData feed against GraphQL totals: metadata, filters, counts, server-driven paging, and $apply aggregated by SQL.</summary>
public sealed class ODataFeedTests(CountedODataServer server) : IClassFixture<CountedODataServer>
{
    [Fact]
    public async Task Every_entity_set_answers_with_its_rows()
    {
        await using var db = server.Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        async Task<long> Rows(string sql) => await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        // Counted by hand: the database's own rows, and the enums' members, for the sets that read them.
        var expected = new Dictionary<string, long>
        {
            ["Contributions"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM contributions WHERE NOT is_retracted"),
            ["ContributionsMonthly"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM contributions_monthly"),
            ["Provinces"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM provinces"),
            ["Counties"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM counties"),
            ["Centers"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM centers"),
            ["Charities"] = await Rows("SELECT COUNT(*) AS \"Value\" FROM charities"),
            ["ContributionTypes"] = Enum.GetValues<ContributionType>().Length,
            ["Sectors"] = Enum.GetValues<Sector>().Length,
            ["Intents"] = Enum.GetValues<Intent>().Length,
            ["Channels"] = Enum.GetValues<Channel>().Length,
            ["Benefits"] = Enum.GetValues<Benefit>().Length,
        };
        foreach (var set in expected.Keys.Concat(["HouseholdCounts", "Dates"]))
        {
            var page = await server.GetAsync($"/odata/{set}?$count=true&$top=3");
            Assert.True(page["value"]!.AsArray().Count > 0, $"{set} answered no rows");
            if (expected.TryGetValue(set, out var rows))
                Assert.True(rows == (long)page["@odata.count"]!, $"{set}: {page["@odata.count"]} rows, the database {rows}");
        }
    }

    [Fact]
    public async Task Metadata_describes_the_star_schema()
    {
        using var response = await server.Factory.CreateClient().GetAsync("/odata/$metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edmx = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var sets = edmx.Descendants(edm + "EntitySet").Select(e => e.Attribute("Name")!.Value).ToList();
        Assert.Equal(
            [
                "Contributions",
                "ContributionsMonthly",
                "HouseholdCounts",
                "Dates",
                "Provinces",
                "Counties",
                "Centers",
                "Charities",
                "ContributionTypes",
                "Sectors",
                "Intents",
                "Channels",
                "Benefits",
            ],
            sets
        );
        var fact = edmx.Descendants(edm + "EntityType").Single(e => e.Attribute("Name")!.Value == "ContributionFact");
        Assert.Equal("Id", fact.Element(edm + "Key")!.Element(edm + "PropertyRef")!.Attribute("Name")!.Value);
        Assert.Equal(
            "Edm.Date",
            fact.Elements(edm + "Property").Single(p => p.Attribute("Name")!.Value == "Date").Attribute("Type")!.Value
        );
        Assert.Equal(
            "Edm.Int64",
            fact.Elements(edm + "Property").Single(p => p.Attribute("Name")!.Value == "AmountRial").Attribute("Type")!.Value
        );
    }

    [Fact]
    public async Task Filter_and_count_match_the_graphql_totals()
    {
        var total = (
            await server.Client.DataAsync(
                """
                { contributionTotals(where: { county: { code: { eq: "IR-19-03" } }, intent: { eq: LIVELIHOOD } },
                                     period: { year: 1404, fromMonth: 1, toMonth: 9 }, unit: RIAL) { total { sum count } } }
                """
            )
        )["contributionTotals"]!["total"]!;
        var feed = await server.GetAsync(
            "/odata/Contributions?$filter=CountyCode eq 'IR-19-03' and Intent eq 'LIVELIHOOD' and SolarYear "
                + "eq 1404 and SolarMonth le 9&$count=true&$select=Id,AmountRial&$orderby=AmountRial desc"
        );

        Assert.Equal(total["count"]!.GetValue<long>(), feed["@odata.count"]!.GetValue<long>());
        var values = feed["value"]!.AsArray();
        Assert.Equal(total["sum"]!.GetValue<decimal>(), values.Sum(v => v!["AmountRial"]!.GetValue<long>()));
        Assert.Equal(
            values.Select(v => v!["AmountRial"]!.GetValue<long>()).OrderDescending(),
            values.Select(v => v!["AmountRial"]!.GetValue<long>())
        );
    }

    [Fact]
    public async Task Apply_groups_and_sums_in_sql_and_matches_contribution_totals()
    {
        var groups = (
            await server.Client.DataAsync(
                """
                { contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, TYPE], unit: RIAL)
                  { groups { key { county { code } type } sum count } } }
                """
            )
        )["contributionTotals"]!["groups"]!.AsArray();
        server.Sql.Reset();
        var feed = await server.GetAsync(
            "/odata/Contributions?$apply=filter(SolarYear eq 1404 and SolarMonth le "
                + "9)/groupby((CountyCode,Type),aggregate(AmountRial with sum as Total,$count as N))"
        );
        var rows = feed["value"]!.AsArray();

        Assert.Equal(groups.Count, rows.Count);
        foreach (var group in groups)
        {
            var row = rows.Single(r =>
                r!["CountyCode"]!.GetValue<string>() == group!["key"]!["county"]!["code"]!.GetValue<string>()
                && r["Type"]!.GetValue<string>() == group["key"]!["type"]!.GetValue<string>()
            );
            Assert.Equal(group!["sum"]!.GetValue<decimal>(), row!["Total"]!.GetValue<decimal>());
            Assert.Equal(group["count"]!.GetValue<int>(), row["N"]!.GetValue<int>());
        }
        Assert.Equal(560_500_000_000m, rows.Sum(r => r!["Total"]!.GetValue<decimal>()));
        // Aggregated by the database: one GROUP BY, and only the groups come back to .NET.
        var command = Assert.Single(server.Sql.Commands, c => c.Contains("contributions", StringComparison.Ordinal));
        Assert.Contains("GROUP BY", command);
        Assert.Contains("SUM(", command);
        Assert.True(server.Sql.RowsRead <= groups.Count + 1, $"{server.Sql.RowsRead} rows read for {groups.Count} groups");
    }

    [Fact]
    public async Task The_monthly_rollup_set_groups_to_the_same_figures_as_the_contributions_reading_only_its_cells()
    {
        const string Months = "filter(SolarYear eq 1404 and SolarMonth le 9)";
        var facts = (
            await server.GetAsync(
                $"/odata/Contributions?$apply={Months}/groupby((CountyCode,Type),aggregate(AmountRial with sum as Total,$count as N))"
            )
        )["value"]!.AsArray();
        server.Sql.Reset();
        var cells = (
            await server.GetAsync(
                $"/odata/ContributionsMonthly?$apply={Months}/groupby((CountyCode,Type),aggregate(SumRial "
                    + "with sum as Total,Contributions with sum as N))"
            )
        )["value"]!.AsArray();

        Assert.True(facts.Count > 10, $"{facts.Count} groups");
        string Key(JsonNode? row) => $"{row!["CountyCode"]}/{row["Type"]}";
        Assert.Equal(
            facts.Select(r => (Key(r), r!["Total"]!.GetValue<decimal>(), r["N"]!.GetValue<decimal>())).OrderBy(r => r.Item1),
            cells.Select(r => (Key(r), r!["Total"]!.GetValue<decimal>(), r["N"]!.GetValue<decimal>())).OrderBy(r => r.Item1)
        );
        var command = Assert.Single(server.Sql.Commands, c => c.Contains("contributions_monthly", StringComparison.Ordinal));
        Assert.Contains("GROUP BY", command);
        Assert.True(server.Sql.RowsRead <= cells.Count + 1, $"{server.Sql.RowsRead} rows read for {cells.Count} groups");
    }

    [Fact]
    public async Task Pages_link_to_the_next_until_every_row_is_read()
    {
        var count = (await server.Client.DataAsync("{ contributionTotals(period: { year: 1404 }) { total { count } } }"))[
            "contributionTotals"
        ]!["total"]!["count"]!.GetValue<int>();
        var ids = new List<long>();
        string? next = "/odata/Contributions?$filter=SolarYear eq 1404&$select=Id";
        var pages = 0;
        while (next is not null)
        {
            var page = await server.GetAsync(next);
            var values = page["value"]!.AsArray();
            Assert.True(values.Count <= CountedODataServer.PageSize);
            ids.AddRange(values.Select(v => v!["Id"]!.GetValue<long>()));
            next = page["@odata.nextLink"]?.GetValue<string>();
            pages++;
        }
        Assert.True(count > CountedODataServer.PageSize);
        Assert.Equal((count + CountedODataServer.PageSize - 1) / CountedODataServer.PageSize, pages);
        Assert.Equal(count, ids.Count);
        Assert.Equal(count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("/odata/Contributions?$top=7")]
    [InlineData("/odata/Contributions?$filter=CountyCode eq 'IR-19-03' and Intent eq 'LIVELIHOOD'&$select=Id,AmountRial")]
    [InlineData("/odata/Contributions?$filter=SolarYear eq 1404&$select=Id")]
    [InlineData("/odata/Contributions?$apply=groupby((CountyCode,Type),aggregate(AmountRial with sum as Total))")]
    public async Task The_audit_entry_records_the_entities_the_response_carried(string path)
    {
        var values = (await server.GetAsync(path))["value"]!.AsArray();

        Assert.NotEmpty(values);
        Assert.Equal(values.Count, await AuditedRowsAsync(path));
    }

    [Theory]
    [InlineData("/odata/$metadata")]
    [InlineData("/odata/Contributions?$count=true&$top=0")]
    [InlineData("/odata/Contributions/$count")]
    public async Task A_response_without_entities_is_audited_with_no_rows(string path)
    {
        using var response = await server.Factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await AuditedRowsAsync(path));
    }

    /// <summary>The rows of the newest audit entry for this feed request (the class's tests run one at a time).</summary>
    private async Task<int> AuditedRowsAsync(string path)
    {
        // The audit records the path and query string as the server received them, escaped as the client sent them.
        var sent = new Uri(server.Factory.ClientOptions.BaseAddress, path);
        var entries = (await server.Client.DataAsync("{ auditLog(first: 50) { nodes { kind fields rows } } }"))["auditLog"]![
            "nodes"
        ]!.AsArray();
        var entry = entries.FirstOrDefault(e =>
            e!["kind"]!.GetValue<string>() == "export"
            && e["fields"]!.AsArray().Any(f => f!.GetValue<string>() == sent.AbsolutePath + sent.Query)
        );
        Assert.True(entry is not null, $"no audit entry for {sent.PathAndQuery}");
        return entry["rows"]!.GetValue<int>();
    }

    [Fact]
    public async Task Household_counts_never_show_a_cell_below_k_and_add_up_to_household_totals()
    {
        var total = (await server.Client.DataAsync("""{ householdTotals(asOf: "1404-06-31") { total { count } } }"""))["householdTotals"]![
            "total"
        ]!["count"]!.GetValue<long>();
        var feed = await server.GetAsync(
            "/odata/HouseholdCounts?$apply=filter(SolarYear eq 1404 and SolarMonth eq 6)/aggregate(Households with sum as Total)"
        );
        Assert.Equal(total, feed["value"]![0]!["Total"]!.GetValue<long>());

        var small = await server.GetAsync("/odata/HouseholdCounts?$filter=Households lt 5&$count=true");
        Assert.Equal(0, small["@odata.count"]!.GetValue<long>());
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Security;
using WelfareGraph.Tests.Security;
using static WelfareGraph.Tests.Exports.ExportFiles;

namespace WelfareGraph.Tests.Exports;

/// <summary>
/// Exports, the model and the feed behind Entra ID tokens: the same roles and the same scope as queries (one
/// mechanism), household rows for Auditors only, counts never below k, every export in the audit log — on
/// SQLite and on PostgreSQL, with expectations from GraphQL and from the generated set in plain C#.
/// </summary>
public abstract class ScopedExportTests(ScopedDataServer server)
{
    private const string Province = "IR-23";

    private HttpClient Client(string? token)
    {
        var client = server.Factory.CreateClient();
        return token is null ? client : TestIdentity.Authorize(client, token);
    }

    private string Analyst(string subject = "analyst-23") => server.Identity.Token([WelfareRoles.Analyst], Province, subject: subject);

    private async Task<JsonNode> FeedAsync(string token, string path)
    {
        using var response = await Client(token).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Exports_model_and_feed_refuse_callers_without_a_token_or_a_role_for_them()
    {
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await PostAsync(Client(null), new { query = "{ provinces { nodes { code } } }" })).Status
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Client(null), "/odata/$metadata")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Client(null), "/exports/powerbi/model.zip")).Status);
        var integration = server.Identity.Token([WelfareRoles.Integration], "IR", scp: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Client(integration), "/odata/Contributions")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Client(integration), "/exports/powerbi/model.zip")).Status);
        var summarized = await PostAsync(Client(integration), new { query = "{ contributionTotals { total { sum } } }" });
        Assert.Equal(HttpStatusCode.Forbidden, summarized.Status);
        Assert.Equal(
            RootFieldAuthorization.NotAuthorized,
            JsonNode.Parse(summarized.Text)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()
        );
    }

    [Fact]
    public async Task A_province_scoped_analyst_exports_and_reads_the_feed_of_its_province_only()
    {
        var token = Analyst();
        var total = (await server.DataAsync(token, "{ contributionTotals(unit: RIAL) { total { sum count } } }"))["contributionTotals"]![
            "total"
        ]!;
        var expected = server.Set.Contributions.Where(c => c.County.Code.StartsWith(Province + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, total["count"]!.GetValue<int>());
        Assert.Equal(expected.Sum(c => c.AmountRial), total["sum"]!.GetValue<decimal>());

        var (header, rows) = Csv(
            (await PostAsync(Client(token), new { query = "{ contributionTotals { total { count } } }", mode = "underlying" })).Body
        );
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(Province, r[Array.IndexOf(header, "province.code")]));
        Assert.Equal(
            expected.Sum(c => c.AmountRial),
            rows.Sum(r => long.Parse(r[Array.IndexOf(header, "amountRial")]!, CultureInfo.InvariantCulture))
        );

        var byProvince = (
            await FeedAsync(
                token,
                "/odata/Contributions?$apply=groupby((ProvinceCode),aggregate(AmountRial with sum as Total,$count as N))"
            )
        )["value"]!.AsArray();
        var only = Assert.Single(byProvince);
        Assert.Equal(Province, only!["ProvinceCode"]!.GetValue<string>());
        Assert.Equal(total["sum"]!.GetValue<decimal>(), only["Total"]!.GetValue<decimal>());
        Assert.Equal(total["count"]!.GetValue<int>(), only["N"]!.GetValue<int>());
        Assert.Equal(expected.Count, (await FeedAsync(token, "/odata/Contributions?$count=true&$top=0"))["@odata.count"]!.GetValue<int>());
        Assert.All(
            (await FeedAsync(token, "/odata/Counties"))["value"]!.AsArray(),
            c => Assert.Equal(Province, c!["ProvinceCode"]!.GetValue<string>())
        );
    }

    [Fact]
    public async Task A_county_scoped_caller_gets_household_counts_of_its_county_never_below_k()
    {
        var county = server.Set.Counties.First(c => c.Code.StartsWith("IR-19-", StringComparison.Ordinal)).Code;
        var token = server.Identity.Token([WelfareRoles.Analyst], county, subject: "analyst-county");
        var cells = (await FeedAsync(token, "/odata/HouseholdCounts?$filter=SolarYear eq 1404 and SolarMonth eq 9"))["value"]!.AsArray();
        var expected = (
            await server.DataAsync(
                token,
                """{ householdTotals(asOf: "1404-09-30", groupBy: [BENEFIT]) { groups { key { benefit } count suppressed } } }"""
            )
        )["householdTotals"]!["groups"]!.AsArray();

        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal(county, c!["CountyCode"]!.GetValue<string>()));
        Assert.Equal(expected.Count, cells.Count);
        foreach (var group in expected)
        {
            var cell = cells.Single(c => c!["Benefit"]!.GetValue<string>() == group!["key"]!["benefit"]!.GetValue<string>());
            Assert.Equal(group!["count"]?.GetValue<int>(), cell!["Households"]?.GetValue<int>());
        }
        Assert.Equal(
            0,
            (await FeedAsync(token, "/odata/HouseholdCounts?$filter=Households lt 5&$count=true&$top=0"))["@odata.count"]!.GetValue<int>()
        );
    }

    [Fact]
    public async Task A_county_scoped_analyst_exports_the_centres_of_its_county_only()
    {
        var stored = await StoredCenters.ReadAsync(server.Factory.Services);
        // A county whose centres differ in capacity, so the where below has something to keep and something to leave out.
        var county = stored
            .GroupBy(c => c.CountyCode)
            .Where(g => g.Select(c => c.Capacity).Distinct().Count() > 1)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .First();
        var token = server.Identity.Token([WelfareRoles.Analyst], county, subject: "analyst-centres");
        var minCapacity = stored.Where(c => c.CountyCode == county).Min(c => c.Capacity) + 1;

        var (header, rows) = Csv(
            (
                await PostAsync(
                    Client(token),
                    new { query = "{ centerTotals(groupBy: [KIND]) { total { centers } } }", mode = "underlying" }
                )
            ).Body
        );
        var expected = stored.Where(c => c.CountyCode == county).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < stored.Count);
        StoredCenters.AssertExported(expected, header, rows);

        var query = $"{{ centerTotals(where: {{ capacity: {{ gte: {minCapacity} }} }}) {{ total {{ centers }} }} }}";
        var (filteredHeader, filteredRows) = Csv((await PostAsync(Client(token), new { query, mode = "underlying" })).Body);
        var filtered = expected.Where(c => c.Capacity >= minCapacity).ToList();
        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < expected.Count);
        StoredCenters.AssertExported(filtered, filteredHeader, filteredRows);
    }

    [Fact]
    public async Task Household_rows_are_exported_to_auditors_only_and_within_their_scope()
    {
        const string query = """{ householdTotals(asOf: "1404-09-30") { total { count } } }""";
        var analyst = await PostAsync(Client(Analyst()), new { query, mode = "underlying" });
        Assert.Equal(HttpStatusCode.Forbidden, analyst.Status);

        var auditor = server.Identity.Token([WelfareRoles.Auditor], Province, subject: "auditor-23");
        var (header, rows) = Csv((await PostAsync(Client(auditor), new { query, mode = "underlying" })).Body);
        var day = SolarCalendar.ToGregorian(1404, 9, 30);
        var expected = server.Set.Households.Count(h =>
            h.County.Code.StartsWith(Province + "-", StringComparison.Ordinal)
            && h.CoveredSince <= day
            && (h.CoveredUntil is null || h.CoveredUntil >= day)
        );
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(Province, r[Array.IndexOf(header, "province.code")]));

        using var analystModel = new ZipArchive(new MemoryStream((await GetAsync(Client(Analyst()), "/exports/powerbi/model.zip")).Body));
        Assert.Null(analystModel.GetEntry("parquet/households.parquet"));
        using var auditorModel = new ZipArchive(new MemoryStream((await GetAsync(Client(auditor), "/exports/powerbi/model.zip")).Body));
        Assert.NotNull(auditorModel.GetEntry("parquet/households.parquet"));
    }

    [Fact]
    public async Task Every_export_is_in_the_audit_log_with_its_rows()
    {
        var subject = "audited-" + Guid.NewGuid().ToString("N")[..8];
        var file = await PostAsync(
            Client(Analyst(subject)),
            new { query = "{ contributionTotals(groupBy: [COUNTY]) { groups { key { county { code } } sum } } }", format = "parquet" }
        );
        Assert.Equal(HttpStatusCode.OK, file.Status);
        await GetAsync(Client(Analyst(subject)), "/odata/Counties");

        var auditor = server.Identity.Token([WelfareRoles.Auditor], "IR", subject: "auditor-national");
        var entries = (await server.DataAsync(auditor, "{ auditLog(first: 50) { nodes { kind subject fields rows outcome } } }"))[
            "auditLog"
        ]!["nodes"]!
            .AsArray()
            .Where(e => e!["subject"]!.GetValue<string>() == subject)
            .ToList();
        var export = Assert.Single(entries, e => e!["fields"]!.AsArray().Any(f => f!.GetValue<string>() == "export:summarized:parquet"));
        Assert.Equal("export", export!["kind"]!.GetValue<string>());
        Assert.Equal("ok", export["outcome"]!.GetValue<string>());
        Assert.Equal(
            server.Set.Counties.Count(c => c.Code.StartsWith(Province + "-", StringComparison.Ordinal)),
            export["rows"]!.GetValue<int>()
        );
        Assert.Contains(
            entries,
            e =>
                e!["kind"]!.GetValue<string>() == "export"
                && e["fields"]!.AsArray().Any(f => f!.GetValue<string>().StartsWith("/odata/Counties", StringComparison.Ordinal))
        );
    }

    [Fact]
    public async Task A_job_belongs_to_the_caller_who_started_it()
    {
        using var started = await Client(Analyst("job-owner"))
            .PostAsJsonAsync("/exports/jobs", new { query = "{ provinces { nodes { code } } }" });
        var id = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client(Analyst("someone-else")), $"/exports/jobs/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Client(Analyst("job-owner")), $"/exports/jobs/{id}")).Status);
    }
}

public sealed class SqliteScopedExportTests(SqliteScopedDataServer server)
    : ScopedExportTests(server),
        IClassFixture<SqliteScopedDataServer>;

public sealed class PostgresScopedExportTests(PostgresScopedDataServer server)
    : ScopedExportTests(server),
        IClassFixture<PostgresScopedDataServer>;

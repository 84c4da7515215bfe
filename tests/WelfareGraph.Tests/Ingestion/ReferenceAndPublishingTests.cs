using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Ingestion;

/// <summary>Households, reference data and published statements through the API, on SQLite and PostgreSQL.</summary>
public abstract class ReferenceAndPublishingTests(GraphQLClient client)
{
    [Fact]
    public async Task Households_are_stored_under_a_keyed_hash_and_resending_changes_nothing()
    {
        const string upsert = """
            mutation($items: [HouseholdInput!]!) { upsertHouseholds(input: { sourceSystem: "national-registry", items: $items }) {
              inserted updated unchanged errors { index externalId code message } } }
            """;
        var items = new object[]
        {
            new
            {
                nationalId = "۰۰۱۲۳۴۵۶۷۸",
                countyCode = "IR-19-05",
                benefit = "PENSION",
                coveredSince = "1403-02-01",
                members = 3,
            },
            new
            {
                nationalId = "4311223344",
                countyCode = "IR-19-06",
                benefit = "OTHER_SERVICES",
                coveredSince = "2024-09-01",
                coveredUntil = "1404-06-31",
                exitReason = "EMPOWERED",
                members = 5,
            },
        };
        var first = (await client.DataAsync(upsert, new { items }))["upsertHouseholds"]!;
        Assert.Equal(2, first["inserted"]!.GetValue<int>());
        var again = (await client.DataAsync(upsert, new { items }))["upsertHouseholds"]!;
        Assert.Equal(2, again["unchanged"]!.GetValue<int>());

        var feed = await client.DataAsync(
            """{ householdChanges(first: 100) { nodes { sourceSystem key household { county { code } } } } }"""
        );
        var ids = feed["householdChanges"]!["nodes"]!
            .AsArray()
            .Where(n => n!["sourceSystem"]!.GetValue<string>() == "national-registry")
            .Select(n => n!["key"]!.GetValue<string>())
            .Distinct()
            .ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{64}$", id));
        Assert.DoesNotContain(ids, id => id.Contains("0012345678") || id.Contains("4311223344"));

        // A bad item names its index, never the national id.
        var bad = (
            await client.DataAsync(
                upsert,
                new
                {
                    items = new object[]
                    {
                        new
                        {
                            nationalId = "9999999999",
                            countyCode = "IR-19-05",
                            benefit = "PENSION",
                            coveredSince = "1404-12-30",
                            members = 2,
                        },
                    },
                }
            )
        )["upsertHouseholds"]!;
        var error = Assert.Single(bad["errors"]!.AsArray())!;
        Assert.Equal("INVALID_DATE", error["code"]!.GetValue<string>());
        Assert.Null(error["externalId"]);
        Assert.DoesNotContain("9999999999", error["message"]!.GetValue<string>());

        // A date of blanks is a missing date, named as such; a county code in Persian digits is the county.
        var blank = (
            await client.DataAsync(
                upsert,
                new
                {
                    items = new object[]
                    {
                        new
                        {
                            nationalId = "8888888888",
                            countyCode = "IR-۱۹-۰۵",
                            benefit = "PENSION",
                            coveredSince = "  ",
                            members = 2,
                        },
                    },
                }
            )
        )["upsertHouseholds"]!;
        var missing = Assert.Single(blank["errors"]!.AsArray())!;
        Assert.Equal("REQUIRED", missing["code"]!.GetValue<string>());
        Assert.Contains("coveredSince", missing["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_province_beyond_the_demo_is_loaded_through_reference_data()
    {
        var counties = (
            await client.DataAsync(
                """
                mutation { upsertCounties(items: [
                  { code: "IR-23-01", nameFa: "تهران", nameEn: "Tehran", provinceCode: "IR-23", totalHouseholds: 3000000 },
                  { code: "IR-23-02", nameFa: "ری", nameEn: "Rey", provinceCode: "IR-23", totalHouseholds: 120000 }])
                    { inserted errors { code } } }
                """
            )
        )["upsertCounties"]!;
        Assert.Equal(2, counties["inserted"]!.GetValue<int>());
        var refused = (
            await client.DataAsync(
                """
                mutation { upsertCounties(items: [{ code: "IR-19-99", nameFa: "x", nameEn: "x", provinceCode: "IR-23",
                  totalHouseholds: 1 }]) { errors { code } } }
                """
            )
        )["upsertCounties"]!;
        Assert.Equal("INVALID_VALUE", refused["errors"]![0]!["code"]!.GetValue<string>());

        var center = (
            await client.DataAsync(
                """
                mutation { upsertCenters(items: [{ code: "CE-IR-23-01-01", name: "مرکز نمونه", countyCode: "IR-23-01",
                  kind: ELDERLY, ownership: GOVERNMENT, capacity: 80, residents: 61 }]) { inserted } }
                """
            )
        )["upsertCenters"]!;
        Assert.Equal(1, center["inserted"]!.GetValue<int>());
        var report = (
            await client.DataAsync(
                """
                { participationReport(province: "IR-23", period: { year: 1404, fromMonth: 1, toMonth: 9 })
                  { households { allHouseholds } centerResidents total } }
                """
            )
        )["participationReport"]!;
        Assert.Equal(3_120_000, report["households"]!["allHouseholds"]!.GetValue<int>());
        Assert.Equal(61, report["centerResidents"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_published_statement_keeps_its_figures_and_shows_later_corrections()
    {
        var published = (
            await client.DataAsync(
                """
                mutation { publishReport(province: "IR-19", period: { year: 1403, quarter: 2 })
                  { id periodLabel figures { total } corrections { figure } } }
                """
            )
        )["publishReport"]!;
        Assert.Equal("1403-04..1403-06", published["periodLabel"]!.GetValue<string>());
        Assert.Empty(published["corrections"]!.AsArray());
        var total = published["figures"]!["total"]!.GetValue<long>();
        Assert.True(total > 0);

        // A late record for that quarter arrives after publication.
        await client.DataAsync(
            """
            mutation { upsertContributions(input: { sourceSystem: "late", items: [{ externalId: "late-1", date: "1403-05-02",
              countyCode: "IR-19-07", type: CASH, sector: CHARITY, channel: CHARITY_INSTITUTION, amountRial: 12340000 }] })
              { inserted } }
            """
        );
        var reports = (
            await client.DataAsync(
                """
                { publishedReports(province: "IR-19") { id figures { total } corrections { figure published current difference } } }
                """
            )
        )["publishedReports"]!.AsArray();
        var report = reports.Single(r => r!["id"]!.GetValue<string>() == published["id"]!.GetValue<string>())!;
        Assert.Equal(total, report["figures"]!["total"]!.GetValue<long>());
        var corrections = report["corrections"]!
            .AsArray()
            .ToDictionary(c => c!["figure"]!.GetValue<string>(), c => c!["difference"]!.GetValue<long>());
        Assert.Equal(12_340_000, corrections["total"]);
        Assert.Equal(12_340_000, corrections["charities"]);
        Assert.Equal(2, corrections.Count);
    }
}

public sealed class SqliteReferenceAndPublishingTests(SqliteDemoServer server)
    : ReferenceAndPublishingTests(server.Client),
        IClassFixture<SqliteDemoServer>;

public sealed class PostgresReferenceAndPublishingTests(PostgresDemoServer server)
    : ReferenceAndPublishingTests(server.Client),
        IClassFixture<PostgresDemoServer>;

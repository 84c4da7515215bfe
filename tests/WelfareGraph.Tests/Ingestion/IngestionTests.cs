using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Ingestion;

/// <summary>Idempotent, validated, atomic batch upserts through the GraphQL API, on SQLite and PostgreSQL.</summary>
public abstract class IngestionTests(GraphQLClient client)
{
    private const string Upsert = """
        mutation($input: UpsertContributionsInput!) {
          upsertContributions(input: $input) { inserted updated unchanged written errors { index externalId field code message } }
        }
        """;

    private readonly string _source = "test-" + Guid.NewGuid().ToString("N")[..8];

    private static object Item(string id, long amount, string date = "1404-08-15", string county = "IR-19-02", string type = "CASH") =>
        new
        {
            externalId = id,
            date,
            countyCode = county,
            type,
            sector = "GOVERNMENT",
            intent = "LIVELIHOOD",
            channel = "COLLECTION_BASE",
            amountRial = amount,
        };

    private async Task<JsonNode> UpsertAsync(IEnumerable<object> items, bool atomic = true, bool dryRun = false, string? source = null) =>
        (
            await client.DataAsync(
                Upsert,
                new
                {
                    input = new
                    {
                        sourceSystem = source ?? _source,
                        items = items.ToArray(),
                        atomic,
                        dryRun,
                    },
                }
            )
        )["upsertContributions"]!;

    private async Task<(int Count, long Sum)> StoredAsync(string? source = null)
    {
        var data = await client.DataAsync(
            """
            query($s: String!) { contributionTotals(where: { sourceSystem: { eq: $s } }, unit: RIAL) { total { count sum } } }
            """,
            new { s = source ?? _source }
        );
        var total = data["contributionTotals"]!["total"]!;
        return (total["count"]!.GetValue<int>(), (long)total["sum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_same_batch_sent_twice_leaves_one_copy_and_a_change_updates()
    {
        var items = Enumerable.Range(1, 40).Select(i => Item($"r{i}", 1_000_000L * i)).ToList();
        var first = await UpsertAsync(items);
        Assert.Equal(40, first["inserted"]!.GetValue<int>());
        var again = await UpsertAsync(items);
        Assert.Equal(
            (0, 0, 40),
            (again["inserted"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>())
        );
        Assert.False(again["written"]!.GetValue<bool>());
        Assert.Equal((40, items.Count * 41L / 2 * 1_000_000), await StoredAsync());

        items[4] = Item("r5", 99_000_000);
        var changed = await UpsertAsync(items);
        Assert.Equal(
            (0, 1, 39),
            (changed["inserted"]!.GetValue<int>(), changed["updated"]!.GetValue<int>(), changed["unchanged"]!.GetValue<int>())
        );
        Assert.Equal((40, items.Count * 41L / 2 * 1_000_000 - 5_000_000 + 99_000_000), await StoredAsync());
    }

    [Fact]
    public async Task An_atomic_batch_with_one_bad_item_writes_nothing_and_names_it()
    {
        var items = Enumerable.Range(1, 10).Select(i => Item($"a{i}", 2_000_000)).ToList();
        items[6] = Item("a7", 2_000_000, date: "1404-12-30");
        var result = await UpsertAsync(items);
        Assert.Equal(0, result["inserted"]!.GetValue<int>());
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(
            (6, "a7", "date", "INVALID_DATE"),
            (
                error["index"]!.GetValue<int>(),
                error["externalId"]!.GetValue<string>(),
                error["field"]!.GetValue<string>(),
                error["code"]!.GetValue<string>()
            )
        );
        Assert.Contains("Esfand 1404 has 29 days", error["message"]!.GetValue<string>());
        Assert.Equal((0, 0L), await StoredAsync());
    }

    [Fact]
    public async Task A_non_atomic_batch_writes_the_valid_items_and_reports_the_rest_with_stable_codes()
    {
        var items = new[]
        {
            Item("n1", 5_000_000),
            Item("n2", -3, county: "IR-19-09"),
            Item("n3", 0),
            Item("n1", 5_000_000),
            Item("n4", 1_000_000, date: "۱۴۰۴-۰۷-۰۱"),
            Item("n5", 1_000_000, date: "2025-02-30"),
        };
        var result = await UpsertAsync(items, atomic: false);
        Assert.Equal(2, result["inserted"]!.GetValue<int>());
        var codes = result["errors"]!.AsArray().Select(e => (e!["index"]!.GetValue<int>(), e["code"]!.GetValue<string>())).ToHashSet();
        Assert.Equal(
            new HashSet<(int, string)>
            {
                (1, "UNKNOWN_COUNTY"),
                (1, "NON_POSITIVE_AMOUNT"),
                (2, "NON_POSITIVE_AMOUNT"),
                (3, "DUPLICATE_EXTERNAL_ID"),
                (5, "INVALID_DATE"),
            },
            codes
        );
        Assert.Equal((2, 6_000_000L), await StoredAsync());
    }

    [Fact]
    public async Task A_dry_run_counts_without_writing()
    {
        var result = await UpsertAsync([Item("d1", 1_000_000), Item("d2", 1_000_000)], dryRun: true);
        Assert.Equal(2, result["inserted"]!.GetValue<int>());
        Assert.False(result["written"]!.GetValue<bool>());
        Assert.Equal((0, 0L), await StoredAsync());
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole()
    {
        var result = await UpsertAsync(Enumerable.Range(0, 5_001).Select(i => Item($"big{i}", 1_000)));
        Assert.Equal("BATCH_TOO_LARGE", result["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal((0, 0L), await StoredAsync());
    }

    [Fact]
    public async Task A_write_into_a_closed_period_is_refused_until_it_is_reopened()
    {
        await client.DataAsync("""mutation { closePeriod(province: "IR-19", year: 1403, month: 11) { year } }""");
        try
        {
            var refused = await UpsertAsync([Item("p1", 3_000_000, date: "1403-11-20")]);
            Assert.Equal("PERIOD_CLOSED", refused["errors"]![0]!["code"]!.GetValue<string>());
            Assert.Equal((0, 0L), await StoredAsync());
        }
        finally
        {
            await client.DataAsync("""mutation { reopenPeriod(province: "IR-19", year: 1403, month: 11) }""");
        }
        var accepted = await UpsertAsync([Item("p1", 3_000_000, date: "1403-11-20")]);
        Assert.Equal(1, accepted["inserted"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_external_id_with_Persian_digits_is_retracted_as_it_was_stored()
    {
        await UpsertAsync([Item("r-۱۲۳", 7_000_000)]);
        var result = (
            await client.DataAsync(
                """
                mutation($s: String!) { retractContributions(sourceSystem: $s, externalIds: [" r-۱۲۳ "], reason: "duplicate")
                  { retracted errors { code } } }
                """,
                new { s = _source }
            )
        )["retractContributions"]!;
        Assert.Equal(1, result["retracted"]!.GetValue<int>());
        Assert.Empty(result["errors"]!.AsArray());
        Assert.Equal((0, 0L), await StoredAsync());
    }

    [Fact]
    public async Task Retraction_keeps_the_record_but_takes_it_out_of_totals_and_lists()
    {
        await UpsertAsync([Item("t1", 7_000_000), Item("t2", 8_000_000)]);
        var result = (
            await client.DataAsync(
                """
                mutation($s: String!) { retractContributions(sourceSystem: $s, externalIds: ["t1", "nope"],
                  reason: "receipt entered twice") { retracted errors { code } } }
                """,
                new { s = _source }
            )
        )["retractContributions"]!;
        Assert.Equal(1, result["retracted"]!.GetValue<int>());
        Assert.Equal("UNKNOWN_EXTERNAL_ID", result["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal((1, 8_000_000L), await StoredAsync());
        var list = await client.DataAsync(
            """query($s: String!) { contributions(where: { sourceSystem: { eq: $s } }) { nodes { externalId } } }""",
            new { s = _source }
        );
        Assert.Equal("t2", Assert.Single(list["contributions"]!["nodes"]!.AsArray())!["externalId"]!.GetValue<string>());
        // A resend of the retracted record does not bring it back.
        var resend = await UpsertAsync([Item("t1", 7_000_000)]);
        Assert.Equal(1, resend["unchanged"]!.GetValue<int>());
        Assert.Equal((1, 8_000_000L), await StoredAsync());
    }

    [Fact]
    public async Task Eight_concurrent_writers_with_overlapping_batches_lose_nothing_and_duplicate_nothing()
    {
        // 8 writers, each sending 150 of 400 keys (every key's values are the same whoever sends them).
        var keys = Enumerable
            .Range(0, 400)
            .Select(i => (Id: $"c{i:D3}", Amount: 100_000L + i * 1_000, County: $"IR-19-0{1 + i % 8}"))
            .ToList();
        var batches = Enumerable.Range(0, 8).Select(w => keys.Where((_, i) => (i * 7 + w * 13) % 8 < 3).ToList()).ToList();
        var sent = batches.SelectMany(b => b.Select(k => k.Id)).Distinct().ToList();
        var results = await Task.WhenAll(batches.Select(b => UpsertAsync(b.Select(k => Item(k.Id, k.Amount, county: k.County)))));

        Assert.All(results, r => Assert.Empty(r["errors"]!.AsArray()));
        Assert.Equal(sent.Count, results.Sum(r => r["inserted"]!.GetValue<int>()));
        var expectedSum = keys.Where(k => sent.Contains(k.Id)).Sum(k => k.Amount);
        Assert.Equal((sent.Count, expectedSum), await StoredAsync());

        // The change feed holds exactly one insert per key.
        var inserts = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (
                await client.DataAsync(
                    """
                    query($after: String) { contributionChanges(after: $after, first: 1000) { nodes { kind sourceSystem key }
                      hasNextPage endCursor } }
                    """,
                    new { after }
                )
            )["contributionChanges"]!;
            inserts.AddRange(
                page["nodes"]!
                    .AsArray()
                    .Where(n => n!["sourceSystem"]!.GetValue<string>() == _source && n["kind"]!.GetValue<string>() == "INSERT")
                    .Select(n => n!["key"]!.GetValue<string>())
            );
            after = page["endCursor"]?.GetValue<string>() ?? after;
            if (!page["hasNextPage"]!.GetValue<bool>())
                break;
        }
        Assert.Equal(sent.Order(), inserts.Order());
    }
}

public sealed class SqliteIngestionTests(SqliteDemoServer server) : IngestionTests(server.Client), IClassFixture<SqliteDemoServer>;

public sealed class PostgresIngestionTests(PostgresDemoServer server) : IngestionTests(server.Client), IClassFixture<PostgresDemoServer>;

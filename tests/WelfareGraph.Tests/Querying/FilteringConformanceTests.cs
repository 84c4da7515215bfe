using System.Text.Json.Nodes;
using WelfareGraph.Data.Generation;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// HotChocolate-shaped filters on SQLite and on the real PostgreSQL, each checked against the same question
/// answered in plain C# over the generated rows. Every case has a non-empty answer, and none matches everything.
/// </summary>
public abstract class FilteringConformanceTests(GeneratedDataServer server)
{
    public static TheoryData<string> Cases() => new(ConformanceCases.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_matches_the_rows_plain_CSharp_finds(string name)
    {
        var @case = ConformanceCases.All[name];
        var expected = @case.Expected(server.Set);
        if (@case.Field is not ("contributions" or "households"))
            expected = expected.Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < Universe(server.Set, @case.Field), $"'{name}' matches every row: it tests nothing.");

        var data = await server.Client.DataAsync(
            $$"""
            { {{@case.Field}}Page(take: 50, where: {{@case.Where}}) { totalCount items { {{@case.Key}} } } }
            """
        );
        var page = data[@case.Field + "Page"]!;
        Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(50), page["items"]!.AsArray().Select(i => i![@case.Key]!.GetValue<string>()));
    }

    private static int Universe(GeneratedDataSet set, string field) =>
        field switch
        {
            "contributions" => set.Contributions.Count,
            "households" => set.Households.Count,
            "counties" => set.Counties.Count,
            "centers" => set.Centers.Count,
            "charities" => set.Charities.Count,
            _ => 31,
        };

    [Fact]
    public async Task Multi_field_order_with_nested_keys_and_the_primary_key_as_tie_breaker()
    {
        var data = await server.Client.DataAsync(
            """
            { contributionsPage(take: 50, where: { solarYear: { eq: 1404 } },
                                order: [{ county: { code: DESC } }, { type: ASC }, { amountRial: DESC }]) { items { externalId } } }
            """
        );
        var expected = server
            .Set.Contributions.Select((c, i) => (c, i))
            .Where(x => x.c.SolarYear == 1404)
            .OrderByDescending(x => x.c.County.Code, StringComparer.Ordinal)
            .ThenBy(x => x.c.Type)
            .ThenByDescending(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Take(50)
            .Select(x => x.c.ExternalId);
        Assert.Equal(expected, Keys(data["contributionsPage"]!["items"]!, "externalId"));
    }

    [Fact]
    public async Task Order_by_date_then_quantity_with_nulls()
    {
        var data = await server.Client.DataAsync(
            """
            { contributions(first: 40, order: [{ date: DESC }, { quantity: ASC }]) { nodes { externalId } } }
            """
        );
        var expected = server
            .Set.Contributions.Select((c, i) => (c, i))
            .OrderByDescending(x => x.c.Date)
            .ThenBy(x => x.c.Quantity is null ? 0 : 1)
            .ThenBy(x => x.c.Quantity)
            .ThenBy(x => x.i)
            .Take(40)
            .Select(x => x.c.ExternalId)
            .ToList();
        var actual = Keys(data["contributions"]!["nodes"]!, "externalId");
        // Where NULLs sort differs by provider (SQLite and SQL Server first, PostgreSQL last ascending); compare dates and the non-null
        // order.
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(Date), actual.Select(Date));
        DateOnly Date(string id) => server.Set.Contributions.Single(c => c.ExternalId == id).Date;
    }

    [Fact]
    public async Task Forward_paging_walks_the_filtered_order_without_gaps_or_repeats()
    {
        var expected = server
            .Set.Contributions.Select((c, i) => (c, i))
            .Where(x => x.c.Type == WelfareGraph.Contributions.ContributionType.Cash && x.c.SolarYear == 1403)
            .OrderByDescending(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Select(x => x.c.ExternalId)
            .Take(95)
            .ToList();
        var seen = new List<string>();
        string? after = null;
        while (seen.Count < 95)
        {
            var data = await server.Client.DataAsync(
                """
                query($after: String) {
                  contributions(first: 19, after: $after, where: { type: { eq: CASH }, solarYear: { eq: 1403 } },
                                order: [{ amountRial: DESC }]) {
                    edges { cursor node { externalId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }
                """,
                new { after }
            );
            var connection = data["contributions"]!;
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            Assert.True(connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["externalId"]!.GetValue<string>()));
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Backward_paging_with_last_and_before()
    {
        var all = server
            .Set.Contributions.Select((c, i) => (c, i))
            .Where(x => x.c.Sector == WelfareGraph.Contributions.Sector.Charity)
            .OrderBy(x => x.c.Date)
            .ThenBy(x => x.i)
            .Select(x => x.c.ExternalId)
            .ToList();
        var last = await server.Client.DataAsync(
            """
            { contributions(last: 7, where: { sector: { eq: CHARITY } }, order: [{ date: ASC }])
              { totalCount nodes { externalId } pageInfo { hasNextPage hasPreviousPage startCursor } } }
            """
        );
        Assert.Equal(all.Count, last["contributions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(all.TakeLast(7), Keys(last["contributions"]!["nodes"]!, "externalId"));
        Assert.False(last["contributions"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(last["contributions"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var before = last["contributions"]!["pageInfo"]!["startCursor"]!.GetValue<string>();
        var previous = await server.Client.DataAsync(
            """
            query($before: String) {
              contributions(last: 5, before: $before, where: { sector: { eq: CHARITY } }, order: [{ date: ASC }])
                { nodes { externalId } pageInfo { hasNextPage } } }
            """,
            new { before }
        );
        Assert.Equal(all.SkipLast(7).TakeLast(5), Keys(previous["contributions"]!["nodes"]!, "externalId"));
        Assert.True(previous["contributions"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Offset_paging_with_skip_and_take()
    {
        var all = server
            .Set.Contributions.Select((c, i) => (c, i))
            .Where(x => x.c.Intent == WelfareGraph.Contributions.Intent.Equipment)
            .OrderBy(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Select(x => x.c.ExternalId)
            .ToList();
        var data = await server.Client.DataAsync(
            """
            { contributionsPage(skip: 30, take: 25, where: { intent: { eq: EQUIPMENT } }, order: [{ amountRial: ASC }])
              { totalCount items { externalId } pageInfo { hasNextPage hasPreviousPage } } }
            """
        );
        var page = data["contributionsPage"]!;
        Assert.Equal(all.Count, page["totalCount"]!.GetValue<int>());
        Assert.Equal(all.Skip(30).Take(25), Keys(page["items"]!, "externalId"));
        Assert.True(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(all.Count > 55, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    private static List<string> Keys(JsonNode list, string key) => list.AsArray().Select(i => i![key]!.GetValue<string>()).ToList();
}

public sealed class SqliteFilteringConformanceTests(SqliteGeneratedDataServer server)
    : FilteringConformanceTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresFilteringConformanceTests(PostgresGeneratedDataServer server)
    : FilteringConformanceTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

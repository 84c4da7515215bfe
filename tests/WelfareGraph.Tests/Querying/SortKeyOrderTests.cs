using System.Text.Json.Nodes;
using WelfareGraph.Contributions;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// HotChocolate applies the keys of one sort object in the order they are written: <c>{ amountRial: DESC, date: ASC }</c>
/// sorts by amount first, <c>{ date: ASC, amountRial: DESC }</c> by date first — in a literal and in a variable.
/// The expected order is plain LINQ over the generated rows, the primary key (generation order) breaking ties.
/// </summary>
public abstract class SortKeyOrderTests(GeneratedDataServer server)
{
    private IEnumerable<(Contribution c, int i)> Rows =>
        server.Set.Contributions.Select((c, i) => (c, i)).Where(x => x.c.SolarYear == 1403);

    private List<string> AmountThenDate() =>
        Rows.OrderByDescending(x => x.c.AmountRial).ThenBy(x => x.c.Date).ThenBy(x => x.i).Take(50).Select(x => x.c.ExternalId).ToList();

    private List<string> DateThenAmount() =>
        Rows.OrderBy(x => x.c.Date).ThenByDescending(x => x.c.AmountRial).ThenBy(x => x.i).Take(50).Select(x => x.c.ExternalId).ToList();

    private async Task<List<string>> LiteralAsync(string order) =>
        Ids(
            await server.Client.DataAsync(
                $$"""
                { contributionsPage(take: 50, where: { solarYear: { eq: 1403 } }, order: {{order}}) { items { externalId } } }
                """
            )
        );

    private async Task<List<string>> VariableAsync(string json) =>
        Ids(
            await server.Client.DataAsync(
                """
                query($order: [ContributionSortInput!]) {
                  contributionsPage(take: 50, where: { solarYear: { eq: 1403 } }, order: $order) { items { externalId } } }
                """,
                new { order = JsonNode.Parse(json) }
            )
        );

    private static List<string> Ids(JsonNode data) =>
        data["contributionsPage"]!["items"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>()).ToList();

    [Fact]
    public void The_two_orders_differ_on_these_rows() => Assert.NotEqual(AmountThenDate(), DateThenAmount());

    [Fact]
    public async Task Amount_written_first_sorts_by_amount_first() =>
        Assert.Equal(AmountThenDate(), await LiteralAsync("[{ amountRial: DESC, date: ASC }]"));

    [Fact]
    public async Task Date_written_first_sorts_by_date_first() =>
        Assert.Equal(DateThenAmount(), await LiteralAsync("[{ date: ASC, amountRial: DESC }]"));

    [Fact]
    public async Task A_single_object_without_list_brackets_keeps_its_key_order() =>
        Assert.Equal(DateThenAmount(), await LiteralAsync("{ date: ASC, amountRial: DESC }"));

    [Fact]
    public async Task A_variable_keeps_the_key_order_of_its_JSON()
    {
        Assert.Equal(AmountThenDate(), await VariableAsync("""[{ "amountRial": "DESC", "date": "ASC" }]"""));
        Assert.Equal(DateThenAmount(), await VariableAsync("""[{ "date": "ASC", "amountRial": "DESC" }]"""));
    }

    [Fact]
    public async Task Nested_objects_keep_their_place_among_the_keys()
    {
        var countyThenAmount = Rows.OrderByDescending(x => x.c.County.Code, StringComparer.Ordinal)
            .ThenBy(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Take(50)
            .Select(x => x.c.ExternalId)
            .ToList();
        var amountThenCounty = Rows.OrderBy(x => x.c.AmountRial)
            .ThenByDescending(x => x.c.County.Code, StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Take(50)
            .Select(x => x.c.ExternalId)
            .ToList();
        Assert.Equal(countyThenAmount, await LiteralAsync("[{ county: { code: DESC }, amountRial: ASC }]"));
        Assert.Equal(amountThenCounty, await LiteralAsync("[{ amountRial: ASC, county: { code: DESC } }]"));
        Assert.Equal(countyThenAmount, await VariableAsync("""[{ "county": { "code": "DESC" }, "amountRial": "ASC" }]"""));
    }

    [Fact]
    public async Task Keys_of_later_objects_follow_those_of_earlier_ones()
    {
        var expected = Rows.OrderBy(x => x.c.Type)
            .ThenBy(x => x.c.Date)
            .ThenByDescending(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Take(50)
            .Select(x => x.c.ExternalId)
            .ToList();
        Assert.Equal(expected, await LiteralAsync("[{ type: ASC }, { date: ASC, amountRial: DESC }]"));
    }
}

public sealed class SqliteSortKeyOrderTests(SqliteGeneratedDataServer server)
    : SortKeyOrderTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresSortKeyOrderTests(PostgresGeneratedDataServer server)
    : SortKeyOrderTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

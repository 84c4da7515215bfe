using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// HotChocolate 15 slices a connection by <c>after</c>/<c>before</c>, then keeps the first <c>first</c> rows, then
/// the last <c>last</c> of those — both may be given — and reads one row past the slice, so <c>first: 0</c> returns
/// no nodes with <c>hasNextPage</c> true while rows follow. The expected slices are worked out by hand for each case
/// and taken with plain LINQ from the generated rows (ordered by date, then amount descending, then generation order).
/// </summary>
public abstract class FirstWithLastTests(GeneratedDataServer server)
{
    private List<string> Rows =>
        server
            .Set.Contributions.Select((c, i) => (c, i))
            .Where(x => x.c.SolarYear == 1403)
            .OrderBy(x => x.c.Date)
            .ThenByDescending(x => x.c.AmountRial)
            .ThenBy(x => x.i)
            .Select(x => x.c.ExternalId)
            .ToList();

    private async Task<(List<string> Ids, bool HasNext, bool HasPrevious, List<string> Cursors)> PageAsync(
        string arguments,
        object? variables = null
    )
    {
        var declared = string.Join(", ", new[] { "after", "before" }.Where(v => arguments.Contains("$" + v)).Select(v => $"${v}: String"));
        var data = await server.Client.DataAsync(
            $$"""
            query{{(
                declared.Length > 0 ? $"({declared})" : ""
            )}} { contributions({{arguments}}, where: { solarYear: { eq: 1403 } }, order: [{ date: ASC, amountRial: DESC }]) {
              edges { cursor node { externalId } } pageInfo { hasNextPage hasPreviousPage } } }
            """,
            variables
        );
        var connection = data["contributions"]!;
        var edges = connection["edges"]!.AsArray();
        return (
            edges.Select(e => e!["node"]!["externalId"]!.GetValue<string>()).ToList(),
            connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>(),
            connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(),
            edges.Select(e => e!["cursor"]!.GetValue<string>()).ToList()
        );
    }

    /// <summary>
    /// The cursor the server issues for row <paramref name="index"/>, read from a page that ends with it or starts at the end.
    /// </summary>
    private async Task<string> CursorOfAsync(int index) =>
        Rows.Count - index <= 10
            ? (await PageAsync($"last: {Rows.Count - index}")).Cursors[0]
            : (await PageAsync($"first: {index + 1}")).Cursors[index];

    [Fact]
    public void There_are_enough_rows() => Assert.True(Rows.Count > 40);

    [Fact]
    public async Task First_then_last_keeps_the_end_of_the_first_rows()
    {
        var page = await PageAsync("first: 10, last: 3");
        Assert.Equal(Rows.Skip(7).Take(3).ToList(), page.Ids); // rows 0..9, then their last 3: 7, 8, 9
        Assert.True(page.HasNext); // row 10 exists
        Assert.True(page.HasPrevious); // the page starts at 7
    }

    [Fact]
    public async Task Last_larger_than_first_keeps_the_first_rows()
    {
        var page = await PageAsync("first: 3, last: 10");
        Assert.Equal(Rows.Take(3).ToList(), page.Ids);
        Assert.True(page.HasNext);
        Assert.False(page.HasPrevious);
    }

    [Fact]
    public async Task First_and_last_after_a_cursor()
    {
        var page = await PageAsync("first: 10, last: 4, after: $after", new { after = await CursorOfAsync(4) });
        Assert.Equal(Rows.Skip(11).Take(4).ToList(), page.Ids); // rows 5..14, then their last 4: 11..14
        Assert.True(page.HasNext);
        Assert.True(page.HasPrevious);
    }

    [Fact]
    public async Task First_and_last_before_a_cursor()
    {
        var page = await PageAsync("first: 5, last: 2, before: $before", new { before = await CursorOfAsync(3) });
        Assert.Equal(Rows.Skip(1).Take(2).ToList(), page.Ids); // rows 0..2 (before 3), first 5 of them, last 2: 1, 2
        Assert.True(page.HasNext); // the row at `before` follows
        Assert.True(page.HasPrevious);
    }

    [Fact]
    public async Task First_and_last_near_the_end_of_the_rows()
    {
        var total = Rows.Count;
        var page = await PageAsync("first: 10, last: 3, after: $after", new { after = await CursorOfAsync(total - 6) });
        // rows total-5 .. total-1 (only 5 left of the 10 asked), then the last 3 of the slice total-5 .. total+4: none of
        // them exist past total-1, so the page is the rows from total+2 on — empty.
        Assert.Equal(Rows.Skip(total + 2).ToList(), page.Ids);
        Assert.Empty(page.Ids);
        Assert.False(page.HasNext);
        Assert.True(page.HasPrevious);
    }

    [Fact]
    public async Task First_zero_returns_no_nodes_and_says_rows_follow()
    {
        var page = await PageAsync("first: 0");
        Assert.Empty(page.Ids);
        Assert.True(page.HasNext);
        Assert.False(page.HasPrevious);

        var middle = await PageAsync("first: 0, after: $after", new { after = await CursorOfAsync(5) });
        Assert.Empty(middle.Ids);
        Assert.True(middle.HasNext);
        Assert.True(middle.HasPrevious);
    }

    [Fact]
    public async Task First_zero_after_the_last_row_says_nothing_follows()
    {
        var total = Rows.Count;
        var page = await PageAsync("first: 0, after: $after", new { after = await CursorOfAsync(total - 1) });
        Assert.Empty(page.Ids);
        Assert.False(page.HasNext);
        Assert.True(page.HasPrevious);
    }

    [Fact]
    public async Task First_zero_with_last_is_empty_too()
    {
        var page = await PageAsync("first: 0, last: 5");
        Assert.Empty(page.Ids);
        Assert.True(page.HasNext);
    }

    [Fact]
    public async Task Last_alone_still_pages_from_the_end()
    {
        var page = await PageAsync("last: 4");
        Assert.Equal(Rows.Skip(Rows.Count - 4).ToList(), page.Ids);
        Assert.False(page.HasNext);
        Assert.True(page.HasPrevious);
    }
}

public sealed class SqliteFirstWithLastTests(SqliteGeneratedDataServer server)
    : FirstWithLastTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresFirstWithLastTests(PostgresGeneratedDataServer server)
    : FirstWithLastTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

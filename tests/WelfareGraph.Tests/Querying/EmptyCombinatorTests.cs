using System.Globalization;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// HotChocolate 15 reads an empty <c>and: []</c> or <c>or: []</c> as no condition: a dashboard's multi-select with
/// nothing picked sends <c>or: []</c> and must see everything, not nothing. Expected rows come from plain C#.
/// </summary>
public abstract class EmptyCombinatorTests(GeneratedDataServer server)
{
    private decimal Threshold =>
        server.Set.Contributions.Select(c => c.AmountRial).Order().ElementAt(server.Set.Contributions.Count * 3 / 4);

    private async Task<(int Count, List<string> Ids)> PageAsync(string where)
    {
        var data = await server.Client.DataAsync(
            $$"""
            { contributionsPage(take: 50, where: {{where}}) { totalCount items { externalId } } }
            """
        );
        var page = data["contributionsPage"]!;
        return (page["totalCount"]!.GetValue<int>(), page["items"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>()).ToList());
    }

    [Theory]
    [InlineData("{ or: [] }")]
    [InlineData("{ and: [] }")]
    [InlineData("{ and: [], or: [] }")]
    [InlineData("{ or: [{ and: [] }] }")]
    [InlineData("{ description: { or: [] } }")]
    public async Task An_empty_combinator_returns_every_row(string where)
    {
        var all = server.Set.Contributions.Select(c => c.ExternalId).ToList();
        var (count, ids) = await PageAsync(where);
        Assert.Equal(all.Count, count);
        Assert.Equal(all.Take(50), ids);
    }

    [Theory]
    [InlineData("{{ or: [], amountRial: {{ gt: {0} }} }}")]
    [InlineData("{{ and: [], amountRial: {{ gt: {0} }} }}")]
    [InlineData("{{ amountRial: {{ gt: {0}, or: [] }} }}")]
    public async Task An_empty_combinator_beside_a_condition_leaves_just_the_condition(string template)
    {
        var threshold = Threshold;
        var expected = server.Set.Contributions.Where(c => c.AmountRial > threshold).Select(c => c.ExternalId).ToList();
        Assert.NotEmpty(expected);
        var (count, ids) = await PageAsync(string.Format(CultureInfo.InvariantCulture, template, threshold));
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected.Take(50), ids);
    }

    [Fact]
    public async Task An_empty_or_given_as_a_variable_adds_no_condition()
    {
        var data = await server.Client.DataAsync(
            """
            query($where: ContributionFilterInput) { contributionsPage(take: 1, where: $where) { totalCount } }
            """,
            new { where = new { or = Array.Empty<object>() } }
        );
        Assert.Equal(server.Set.Contributions.Count, data["contributionsPage"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Contribution_totals_read_an_empty_or_as_no_condition()
    {
        var threshold = Threshold;
        var data = await server.Client.DataAsync(
            $$"""
            { all: contributionTotals(where: { or: [] }, unit: RIAL) { total { sum count } }
              some: contributionTotals(where: { or: [], amountRial: { gt: {{threshold.ToString(
                CultureInfo.InvariantCulture
            )}} } }, unit: RIAL) { total { sum count } } }
            """
        );
        var rows = server.Set.Contributions;
        Assert.Equal(rows.Count, data["all"]!["total"]!["count"]!.GetValue<int>());
        Assert.Equal(rows.Sum(c => c.AmountRial), data["all"]!["total"]!["sum"]!.GetValue<decimal>());
        var above = rows.Where(c => c.AmountRial > threshold).ToList();
        Assert.Equal(above.Count, data["some"]!["total"]!["count"]!.GetValue<int>());
        Assert.Equal(above.Sum(c => c.AmountRial), data["some"]!["total"]!["sum"]!.GetValue<decimal>());
    }
}

public sealed class SqliteEmptyCombinatorTests(SqliteGeneratedDataServer server)
    : EmptyCombinatorTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresEmptyCombinatorTests(PostgresGeneratedDataServer server)
    : EmptyCombinatorTests(server),
        IClassFixture<PostgresGeneratedDataServer>;

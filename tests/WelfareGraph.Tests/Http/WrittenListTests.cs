using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WelfareGraph.Querying;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Http;

/// <summary>
/// The GraphQL endpoint writes plain lists to JSON as they resolve (ListWritingExecutionStrategy). Its
/// responses must be those of GraphQL.NET's standard execution, byte for byte: the same documents go to a
/// second server on the same database whose queries run on the standard strategy.
/// </summary>
public sealed class WrittenListTests(WrittenListTests.Servers servers) : IClassFixture<WrittenListTests.Servers>
{
    /// <summary>Two servers on one SQLite file with the demo data: standard execution, and the endpoint's own.</summary>
    public sealed class Servers : IDisposable
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"welfaregraph-written-{Guid.NewGuid():N}.db");

        public Servers()
        {
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:WelfareGraph"] = $"Data Source={_file};Pooling=false" };
            Standard = new WelfareGraphFactory(settings) { TestServices = services => services.RemoveAll<ExecutionStrategyRegistration>() };
            Standard.CreateClient().Dispose(); // migrates and loads the demo data before the second server opens the file
            Written = new WelfareGraphFactory(settings)
            {
                TestServices = services =>
                {
                    services.RemoveAll<ExecutionStrategyRegistration>();
                    services.AddSingleton(new ExecutionStrategyRegistration(Strategy, OperationType.Query));
                },
            };
        }

        public WelfareGraphFactory Standard { get; }
        public WelfareGraphFactory Written { get; }
        public ObservedStrategy Strategy { get; } = new();

        public void Dispose()
        {
            Written.Dispose();
            Standard.Dispose();
            foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
                File.Delete(file);
        }
    }

    /// <summary>The endpoint's strategy, noting the lists it wrote: proof that the written path ran, not only that answers match.</summary>
    public sealed class ObservedStrategy : ListWritingExecutionStrategy
    {
        public ConcurrentQueue<(string List, int Items)> Written { get; } = new();

        protected override async Task SetArrayItemNodesAsync(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
        {
            await base.SetArrayItemNodesAsync(context, parent);
            if (parent.SerializedResult is WrittenList list)
                Written.Enqueue((parent.Name!, list.Count));
        }
    }

    public static TheoryData<string, string, string> Documents =>
        new()
        {
            {
                "county × type × month with nested keys, measures, shares, aliases and __typename",
                "groups",
                """
                    { contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, TYPE, MONTH]) {
                        groups { __typename key { county { code nameFa province { code nameEn } }
                                                  type month period monthNameFa monthNameEn year }
                                 sum count average min max share subtotal growth comparison { sum } amount: sum }
                        total { sum count } } }
                    """
            },
            {
                "rollup and a comparison (subtotal rows with null keys, growth and comparison objects)",
                "groups",
                """
                    { contributionTotals(period: { year: 1404, fromMonth: 4, toMonth: 6 }, groupBy: [TYPE, COUNTY],
                      rollup: true, compareTo: PREVIOUS_PERIOD, unit: RIAL) {
                        groups { key { type county { code } } sum count subtotal growth comparison { sum count } } } }
                    """
            },
            {
                "fragments, inline fragments and @include / @skip by variables",
                "groups",
                """
                    query Q($withCounty: Boolean!, $skipCount: Boolean!) {
                      contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, INTENT]) {
                        groups { ...Figures key { intent ... on ContributionGroupKey { county @include(if: $withCounty) { code } } }
                                 count @skip(if: $skipCount) } } }
                    fragment Figures on ContributionGroup { sum share key { county { nameEn } } }
                    """
            },
            {
                "households by county and benefit: suppressed cells are nulls",
                "groups",
                """
                    { householdTotals(groupBy: [COUNTY, BENEFIT]) { groups { key { county { code } benefit }
                      count share coverageRate suppressed partial allHouseholds } } }
                    """
            },
            {
                "care centres by kind and ownership",
                "groups",
                """
                    { centerTotals(groupBy: [COUNTY, KIND, OWNERSHIP]) { groups { key { county { code } kind ownership }
                      centers capacity residents occupancy } } }
                    """
            },
            {
                "a page of contributions with nested objects, ids, longs and dates",
                "nodes",
                """
                    { contributions(first: 50) { nodes { id externalId amountRial date solarYear solarMonth type quantity
                      description county { code province { code } } center { code } charity { name } } } }
                    """
            },
            {
                "lists inside list items (standard execution for the outer list, written inner lists)",
                "centers",
                """
                    { provinces(first: 3) { nodes { code } } zanjan: province(code: "IR-19")
                      { counties { code nameEn centers { code capacity } } } }
                    """
            },
        };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Responses_equal_standard_execution_byte_for_byte(string what, string writtenList, string query)
    {
        var variables = new { withCounty = true, skipCount = false };
        var standard = await PostAsync(servers.Standard, query, variables);
        servers.Strategy.Written.Clear();
        var written = await PostAsync(servers.Written, query, variables);

        Assert.Equal(standard, written);
        Assert.Contains(servers.Strategy.Written, w => w.List == writtenList && w.Items > 0);
        // Not an empty answer: the document returned lists with many items and no errors.
        var json = JsonNode.Parse(written)!;
        Assert.True(json["errors"] is null, json["errors"]?.ToJsonString());
        Assert.True(LargestList(json["data"]) >= 3, $"{what}: expected lists with items in {written[..Math.Min(300, written.Length)]}");
    }

    [Fact]
    public async Task Variables_that_change_the_selection_change_the_written_lists_alike()
    {
        var query = Documents.Select(row => (string)row[2]).Single(q => q.Contains("$withCounty"));
        foreach (var variables in new[] { new { withCounty = false, skipCount = true }, new { withCounty = true, skipCount = true } })
            Assert.Equal(await PostAsync(servers.Standard, query, variables), await PostAsync(servers.Written, query, variables));
    }

    private static async Task<string> PostAsync(WelfareGraphFactory server, string query, object variables)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return await response.Content.ReadAsStringAsync();
    }

    private static int LargestList(JsonNode? node) =>
        node switch
        {
            JsonArray array => Math.Max(array.Count, array.Select(LargestList).DefaultIfEmpty(0).Max()),
            JsonObject obj => obj.Select(p => LargestList(p.Value)).DefaultIfEmpty(0).Max(),
            _ => 0,
        };
}

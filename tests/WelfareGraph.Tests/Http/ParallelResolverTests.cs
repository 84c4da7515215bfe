using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Http;

/// <summary>
/// GraphQL.NET resolves sibling fields in parallel. On PostgreSQL a DbContext shared between them fails with
/// "a second operation was started"; each resolver must use its own.
/// </summary>
public sealed class ParallelResolverTests(PostgresDemoServer server) : IClassFixture<PostgresDemoServer>
{
    [Fact]
    public async Task Sibling_root_fields_and_totalCounts_run_side_by_side_on_PostgreSQL()
    {
        const string query = """
            {
              provinces(first: 5) { totalCount nodes { code counties { code } } }
              counties(first: 8) { totalCount nodes { code province { code } centers { code } charities { code } } }
              contributions(first: 50) { totalCount nodes { amountRial county { code province { code } } center { code }
                charity { code } } }
              households(first: 20) { totalCount nodes { benefit county { code } } }
              zanjan: province(code: "IR-19") { nameEn counties { code } }
              report: participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }) { total }
            }
            """;
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.Client.DataAsync(query)));
        foreach (var data in results)
        {
            Assert.Equal(31, data["provinces"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(8, data["counties"]!["totalCount"]!.GetValue<int>());
            Assert.Equal("IR-19", data["counties"]!["nodes"]![0]!["province"]!["code"]!.GetValue<string>());
            Assert.Equal(50, data["contributions"]!["nodes"]!.AsArray().Count);
            Assert.True(data["contributions"]!["totalCount"]!.GetValue<int>() > 1_000);
            Assert.Equal(8, data["zanjan"]!["counties"]!.AsArray().Count);
            Assert.Equal(56_050_000_000m, data["report"]!["total"]!.GetValue<decimal>());
        }
    }
}

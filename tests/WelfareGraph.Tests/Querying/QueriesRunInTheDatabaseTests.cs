using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>The demo server with a <see cref="SqlCounter"/> on every DbContext.</summary>
public sealed class CountedDemoServer : IDisposable
{
    private sealed class Factory(SqlCounter counter) : WelfareGraphFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(counter));
        }
    }

    public CountedDemoServer()
    {
        Host = new Factory(Counter);
        Client = new GraphQLClient(Host.CreateClient());
    }

    public SqlCounter Counter { get; } = new();
    public WelfareGraphFactory Host { get; }
    public GraphQLClient Client { get; }

    public void Dispose() => Host.Dispose();
}

/// <summary>Filtering, sorting, paging and projection happen in SQL: the database returns a page, not the table.</summary>
public sealed class QueriesRunInTheDatabaseTests(CountedDemoServer server) : IClassFixture<CountedDemoServer>, IDisposable
{
    // The fixture is shared by this class's tests; xunit runs them one at a time.
    public void Dispose() => server.Counter.Reset();

    [Fact]
    public async Task A_page_of_ten_reads_about_ten_rows()
    {
        await server.Client.DataAsync("{ provinces(first: 1) { nodes { code } } }"); // warm up outside the count
        server.Counter.Reset();
        var data = await server.Client.DataAsync(
            """
            { contributions(first: 10, where: { type: { eq: CASH }, amountRial: { gt: 1000000 } }, order: [{ amountRial: DESC }])
              { nodes { amountRial } } }
            """
        );
        Assert.Equal(10, data["contributions"]!["nodes"]!.AsArray().Count);
        Assert.Equal(1, server.Counter.CommandCount);
        // The page, one row to learn that another page follows, and the reader's last Read() that finds no more.
        Assert.Equal(10 + 1 + 1, server.Counter.RowsRead);
        var sql = server.Counter.Commands.Single();
        Assert.Contains("ORDER BY", sql);
        Assert.Contains("LIMIT", sql);
        Assert.Contains("WHERE", sql);
    }

    [Fact]
    public async Task A_page_of_fifty_with_county_and_province_is_one_command_reading_only_asked_columns()
    {
        server.Counter.Reset();
        var data = await server.Client.DataAsync(
            """
            { contributions(first: 50, order: [{ date: DESC }]) { nodes { amountRial county { nameEn province { code } }
              center { name } } } }
            """
        );
        Assert.Equal(50, data["contributions"]!["nodes"]!.AsArray().Count);
        Assert.All(
            data["contributions"]!["nodes"]!.AsArray(),
            n => Assert.Equal("IR-19", n!["county"]!["province"]!["code"]!.GetValue<string>())
        );
        Assert.Equal(1, server.Counter.CommandCount);
        var sql = server.Counter.Commands.Single();
        Assert.Contains("JOIN", sql);
        Assert.DoesNotContain("description", sql);
        Assert.DoesNotContain("external_id", sql);
        Assert.DoesNotContain("name_fa", sql);
    }

    [Fact]
    public async Task TotalCount_is_one_COUNT_and_runs_only_when_asked()
    {
        server.Counter.Reset();
        await server.Client.DataAsync("{ contributions(where: { solarYear: { eq: 1404 } }) { totalCount } }");
        Assert.Equal(1, server.Counter.CommandCount);
        Assert.Contains("COUNT(*)", server.Counter.Commands.Single());
        Assert.Equal(1 + 1, server.Counter.RowsRead); // one row, and the Read() that finds no more
    }

    [Fact]
    public async Task Over_large_filters_are_refused_before_any_SQL_runs()
    {
        server.Counter.Reset();
        var bigIn = "[" + string.Join(", ", Enumerable.Range(1, 1_001)) + "]";
        var json = await server.Client.QueryAsync($"{{ contributions(where: {{ amountRial: {{ in: {bigIn} }} }}) {{ nodes {{ id }} }} }}");
        Assert.Equal("FILTER_TOO_LARGE", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var manyPredicates =
            "{ or: [" + string.Join(", ", Enumerable.Range(1, 51).Select(i => $"{{ solarMonth: {{ eq: {i % 12 + 1} }} }}")) + "] }";
        json = await server.Client.QueryAsync($"{{ contributions(where: {manyPredicates}) {{ totalCount }} }}");
        Assert.Equal("FILTER_TOO_LARGE", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        json = await server.Client.QueryAsync("{ contributions(first: 500) { nodes { id } } }");
        Assert.Equal("HC0051", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        json = await server.Client.QueryAsync("""{ contributions(after: "not-a-cursor") { nodes { id } } }""");
        Assert.Equal("HC0078", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, server.Counter.CommandCount);
    }

    [Fact]
    public async Task Persian_names_sort_in_Persian_alphabetical_order()
    {
        var data = await server.Client.DataAsync("{ counties(first: 8, order: [{ nameFa: ASC }]) { nodes { nameFa } } }");
        var names = data["counties"]!["nodes"]!.AsArray().Select(n => n!["nameFa"]!.GetValue<string>()).ToList();
        // The Persian alphabet, written out here rather than taken from a culture: ا ب ... خ ... ز ... س ... ط ... م.
        Assert.Equal(["ابهر", "ایجرود", "خدابنده", "خرمدره", "زنجان", "سلطانیه", "طارم", "ماهنشان"], names);
    }
}

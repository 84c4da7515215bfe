using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Ingestion;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Ingestion;

/// <summary>
/// The change feed under a forced out-of-order commit on the real PostgreSQL: transaction A starts first and is
/// held open after writing its rows, B commits, the feed is read, A commits, the feed is read again from the
/// cursor — every change appears exactly once.
/// </summary>
public sealed class ChangeFeedTests(PostgresDemoServer server) : IClassFixture<PostgresDemoServer>
{
    private static ContributionRecord Record(string id) => new()
    {
        ExternalId = id, Date = "1404-08-01", CountyCode = "IR-19-04", Type = "CASH", Sector = "GOVERNMENT", Channel = "ONLINE", AmountRial = "2500000",
    };

    [Fact]
    public async Task A_reader_resuming_from_its_cursor_sees_a_late_committing_writer_exactly_once()
    {
        var services = server.Factory.Services;
        var system = services.GetRequiredService<SystemDbContextFactory>();
        var options = services.GetRequiredService<IngestionOptions>();
        var aWritten = new TaskCompletionSource();
        var releaseA = new TaskCompletionSource();
        var holdingA = new ContributionUpserter(options)
        {
            BeforeStamp = async ct =>
            {
                aWritten.TrySetResult();
                await releaseA.Task.WaitAsync(ct);
            },
        };

        async Task<UpsertResult> RunAsync(ContributionUpserter upserter, string source, string[] ids)
        {
            await using var db = system.CreateDbContext();
            await using var reference = system.CreateDbContext();
            return await upserter.UpsertAsync(db, reference, source, ids.Select(Record).ToList(), atomic: true, dryRun: false, CancellationToken.None);
        }

        var a = Task.Run(() => RunAsync(holdingA, "feed-a", ["a1", "a2", "a3"]));
        await aWritten.Task.WaitAsync(TimeSpan.FromSeconds(30)); // A has written its rows and holds its transaction open

        var b = await RunAsync(new ContributionUpserter(options), "feed-b", ["b1", "b2"]);
        Assert.Equal(2, b.Inserted);
        var (firstRead, cursor) = await ReadAsync(null);
        Assert.Equal(["feed-b/b1", "feed-b/b2"], firstRead);

        releaseA.SetResult();
        Assert.Equal(3, (await a).Inserted);
        var (secondRead, _) = await ReadAsync(cursor);
        Assert.Equal(["feed-a/a1", "feed-a/a2", "feed-a/a3"], secondRead);

        var (everything, _) = await ReadAsync(null);
        Assert.Equal(5, everything.Count);
        Assert.Equal(everything.Distinct().Count(), everything.Count);
    }

    private async Task<(List<string> Changes, string? Cursor)> ReadAsync(string? after)
    {
        var page = (await server.Client.DataAsync("""
            query($after: String) { contributionChanges(after: $after, first: 100) { nodes { sourceSystem key kind } endCursor } }
            """, new { after }))["contributionChanges"]!;
        var changes = page["nodes"]!.AsArray()
            .Where(n => n!["sourceSystem"]!.GetValue<string>().StartsWith("feed-", StringComparison.Ordinal))
            .Select(n => $"{n!["sourceSystem"]!.GetValue<string>()}/{n["key"]!.GetValue<string>()}").ToList();
        return (changes, page["endCursor"]?.GetValue<string>() ?? after);
    }
}

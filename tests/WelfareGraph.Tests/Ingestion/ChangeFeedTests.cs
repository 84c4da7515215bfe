using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Data;
using WelfareGraph.Ingestion;
using WelfareGraph.Querying;
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
    private static ContributionRecord Record(string id) =>
        new()
        {
            ExternalId = id,
            Date = "1404-08-01",
            CountyCode = "IR-19-04",
            Type = "CASH",
            Sector = "GOVERNMENT",
            Channel = "ONLINE",
            AmountRial = "2500000",
        };

    [Fact]
    public async Task A_reader_resuming_from_its_cursor_sees_a_late_committing_writer_exactly_once()
    {
        var aWritten = new TaskCompletionSource();
        var releaseA = new TaskCompletionSource();
        // A second host on the same database whose writers stop just before stamping the feed, with their rows written.
        await using var holdingHost = server.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
                services.AddSingleton<IChangeFeedStamper>(new HoldingStamper(new ChangeFeedStamper(), aWritten, releaseA.Task))
            )
        );

        async Task<UpsertResult> RunAsync(IServiceProvider services, string source, string[] ids)
        {
            var system = services.GetRequiredService<SystemDbContextFactory>();
            await using var db = system.CreateDbContext();
            await using var reference = system.CreateDbContext();
            return await services
                .GetRequiredService<BatchWriter>()
                .UpsertAsync(
                    services.GetRequiredService<ContributionMapping>(),
                    db,
                    reference,
                    new UpsertBatch<ContributionRecord>(source, ids.Select(Record).ToList()),
                    CancellationToken.None
                );
        }

        var a = Task.Run(() => RunAsync(holdingHost.Services, "feed-a", ["a1", "a2", "a3"]));
        await aWritten.Task.WaitAsync(TimeSpan.FromSeconds(30)); // A has written its rows and holds its transaction open

        var b = await RunAsync(server.Factory.Services, "feed-b", ["b1", "b2"]);
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

    /// <summary>Says when a writer reaches the feed, waits to be released, then stamps as the server does.</summary>
    private sealed class HoldingStamper(IChangeFeedStamper inner, TaskCompletionSource reached, Task release) : IChangeFeedStamper
    {
        public async Task StampAsync(WelfareDbContext db, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken)
        {
            reached.TrySetResult();
            await release.WaitAsync(cancellationToken);
            await inner.StampAsync(db, entries, cancellationToken);
        }
    }

    private async Task<(List<string> Changes, string? Cursor)> ReadAsync(string? after)
    {
        var page = (
            await server.Client.DataAsync(
                """
                query($after: String) { contributionChanges(after: $after, first: 100) { nodes { sourceSystem key kind } endCursor } }
                """,
                new { after }
            )
        )["contributionChanges"]!;
        var changes = page["nodes"]!
            .AsArray()
            .Where(n => n!["sourceSystem"]!.GetValue<string>().StartsWith("feed-", StringComparison.Ordinal))
            .Select(n => $"{n!["sourceSystem"]!.GetValue<string>()}/{n["key"]!.GetValue<string>()}")
            .ToList();
        return (changes, page["endCursor"]?.GetValue<string>() ?? after);
    }
}

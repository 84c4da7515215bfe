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
/// cursor — every change appears exactly once. The writers write care centres: writers of contributions take
/// the rollup's writers' lock first, so two of them never commit out of order, but every other kind can.
/// </summary>
public sealed class ChangeFeedTests(PostgresDemoServer server) : IClassFixture<PostgresDemoServer>
{
    private static CenterRecord Record(string code) =>
        new(code, $"Centre {code}", null, "IR-19-04", Centers.CenterKind.Elderly, Centers.CenterOwnership.Government, 40, 30);

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

        async Task<UpsertResult> RunAsync(IServiceProvider services, string[] codes)
        {
            var system = services.GetRequiredService<SystemDbContextFactory>();
            await using var db = system.CreateDbContext();
            await using var reference = system.CreateDbContext();
            return await services
                .GetRequiredService<BatchWriter>()
                .UpsertAsync(
                    services.GetRequiredService<CenterMapping>(),
                    db,
                    reference,
                    new UpsertBatch<CenterRecord>(ReferenceSource.Name, codes.Select(Record).ToList()),
                    CancellationToken.None
                );
        }

        var a = Task.Run(() => RunAsync(holdingHost.Services, ["FEED-A1", "FEED-A2", "FEED-A3"]));
        await aWritten.Task.WaitAsync(TimeSpan.FromSeconds(30)); // A has written its rows and holds its transaction open

        var b = await RunAsync(server.Factory.Services, ["FEED-B1", "FEED-B2"]);
        Assert.Equal(2, b.Inserted);
        var (firstRead, cursor) = await ReadAsync(null);
        Assert.Equal(["FEED-B1", "FEED-B2"], firstRead);

        releaseA.SetResult();
        Assert.Equal(3, (await a).Inserted);
        var (secondRead, _) = await ReadAsync(cursor);
        Assert.Equal(["FEED-A1", "FEED-A2", "FEED-A3"], secondRead);

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
                query($after: String) { centerChanges(after: $after, first: 100) { nodes { key kind } endCursor } }
                """,
                new { after }
            )
        )["centerChanges"]!;
        var changes = page["nodes"]!
            .AsArray()
            .Select(n => n!["key"]!.GetValue<string>())
            .Where(key => key.StartsWith("FEED-", StringComparison.Ordinal))
            .ToList();
        return (changes, page["endCursor"]?.GetValue<string>() ?? after);
    }
}

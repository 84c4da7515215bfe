using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Security;
using ZiggyCreatures.Caching.Fusion;

namespace WelfareGraph.Requests;

/// <summary>
/// Analytics answers shared by every server: FusionCache's memory level on each, Redis behind it when
/// <c>ConnectionStrings:Redis</c> is set (its backplane keeps the memory levels in step). An answer is keyed by
/// everything that can change it — the caller's scope and roles, the document (<see cref="RequestDocument.Normalized"/>)
/// and operation, the variables,
/// the suppression settings, the day in Tehran (relative periods and "today" counts) and the data version of
/// the database it is read from — so a write makes the next request a miss, and no answer is older than its
/// source. The version is read before the answer and again after it: an answer during which a write committed
/// is returned but not kept, so what is kept is exactly the answer at its version. Concurrent misses of one key
/// run the query once (FusionCache's stampede protection). The cache never fails a request: when it cannot be
/// used, the database answers.
/// </summary>
public sealed class AnswerCache(
    IFusionCache cache,
    AnswerCacheOptions options,
    AnalyticsOptions analytics,
    IGraphQLTextSerializer serializer,
    IDbContextFactory<WelfareDbContext> databases,
    AnswerCacheMetrics metrics,
    TimeProvider time,
    ILogger<AnswerCache> log
)
{
    /// <summary>The root fields whose answers are cached: aggregates a dashboard refreshes.</summary>
    public static readonly IReadOnlySet<string> CachedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "contributionTotals",
        "householdTotals",
        "centerTotals",
        "participationReport",
    };

    private readonly FusionCacheEntryOptions _entry = new()
    {
        Duration = options.Duration,
        DistributedCacheSoftTimeout = options.RedisTimeout,
        DistributedCacheHardTimeout = options.RedisTimeout,
    };

    public bool Accepts(RequestDocument document) =>
        options.Enabled && !document.IsMutation && document.RootFields.Count > 0 && document.RootFields.All(CachedFields.Contains);

    /// <param name="run">Executes the document against the database (the request's deadline included).</param>
    /// <returns>The answer, and for a hit the row count its audit entry records.</returns>
    public async Task<(DeadlineResult Result, int? Rows)> RunAsync(
        HttpContext http,
        RequestDocument document,
        GraphQLRequest request,
        Func<Task<DeadlineResult>> run
    )
    {
        var cancellation = http.RequestAborted;
        string key;
        try
        {
            key = Key(http, document, request, await VersionAsync(http, cancellation));
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            return (await run(), null); // the answer's own queries say what the outage is
        }

        DeadlineResult? ran = null;
        try
        {
            var answer = await cache.GetOrSetAsync<CachedAnswer>(
                key,
                async (_, _) =>
                {
                    ran = await run();
                    return await KeepableAsync(http, ran, key, cancellation) ?? throw new NotKept();
                },
                options: _entry,
                token: cancellation
            );
            if (ran is not null)
            {
                metrics.Miss();
                return (ran, null);
            }
            metrics.Hit();
            using var data = JsonDocument.Parse(answer.DataJson);
            return (new DeadlineResult(new ExecutionResult { Executed = true, Data = data.RootElement.Clone() }, false), answer.Rows);
        }
        catch (NotKept)
        {
            metrics.Uncached();
            return (ran!, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // The cache itself failed: the database answers (or already has).
            metrics.Failure();
            log.LogWarning(e, "The answer cache failed; answering from the database.");
            return (ran ?? await run(), null);
        }
    }

    /// <summary>The answer as the cache keeps it, or null when it must not be kept.</summary>
    private async Task<CachedAnswer?> KeepableAsync(HttpContext http, DeadlineResult ran, string key, CancellationToken cancellation)
    {
        if (ran.TimedOut || !ran.Result.Executed || ran.Result.Errors is { Count: > 0 })
            return null;
        // A write committed while the answer was read: it may hold some of it and not the rest.
        if (await VersionAsync(http, cancellation, again: true) != VersionOf(key))
            return null;
        var json = serializer.Serialize(new ExecutionResult { Executed = true, Data = ran.Result.Data });
        if (Encoding.UTF8.GetByteCount(json) > options.MaxAnswerBytes)
            return null;
        using var parsed = JsonDocument.Parse(json);
        return new CachedAnswer(parsed.RootElement.GetProperty("data").GetRawText(), AuditLog.CountRows(ran.Result));
    }

    /// <summary>The data version of the database this request reads: the replica's as routed, or the primary's.</summary>
    private async Task<long> VersionAsync(HttpContext http, CancellationToken cancellation, bool again = false)
    {
        if (!again && ReadRouting.Of(http) is { FromReplica: true, Version: { } routed })
            return routed;
        await using var db = databases.CreateDbContext();
        return (await DataVersionClock.ReadAsync(db, cancellation)).Value;
    }

    private string Key(HttpContext http, RequestDocument document, GraphQLRequest request, long version)
    {
        var roles = string.Join(',', WelfareRoles.Of(http.User).Order(StringComparer.Ordinal));
        var scope = string.Join(',', ScopeClaim.Read(http.User).All.Order(StringComparer.Ordinal));
        var variables = request.Variables is null ? "" : serializer.Serialize(request.Variables);
        var material = string.Join(
            '\n',
            "answer-v2",
            document.Normalized,
            request.OperationName ?? "",
            variables,
            roles,
            scope,
            analytics.SuppressionThreshold,
            analytics.MaxGroups,
            SolarCalendar.TodayInTehran(time).ToString("O")
        );
        // The version stays readable at the end of the key (logs, the after-answer check); the rest is hashed.
        return $"{options.KeyPrefix}answer:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)))}:{version}";
    }

    private static long VersionOf(string key) => long.Parse(key[(key.LastIndexOf(':') + 1)..]);

    /// <summary>Thrown from the cache's factory so that an answer that must not be kept is not.</summary>
    private sealed class NotKept : Exception;
}

using System.Globalization;

namespace WelfareGraph.Data;

/// <summary>
/// Decides, once at the start of a read-only request, whether it reads the replica or the primary, and keeps
/// the choice on the request for <see cref="CallerDbContextFactory{TContext}"/>. The replica when it is
/// configured, reachable, no further behind than <c>Database:MaxReplicaLag</c> and — when the request sends
/// <see cref="MinVersionHeader"/> (the data version a mutation's response carried) — already at that version;
/// the primary otherwise. A request nobody chose for (mutations, audit, background work) reads the primary.
/// </summary>
public sealed class ReadRouting(ReadReplica replica, ReplicaLagMonitor lag, DatabaseOptions options, ILogger<ReadRouting> log)
{
    /// <summary>Read your writes: answer from data at least as fresh as this data version.</summary>
    public const string MinVersionHeader = "WelfareGraph-Min-Version";

    /// <summary>On every answer chosen for: <c>replica</c> or <c>primary</c>.</summary>
    public const string ReadFromHeader = "WelfareGraph-Read-From";

    /// <summary>
    /// On answers from the primary while a replica is configured: why (a replica behind its bound, unreachable, or
    /// not yet at the version asked for), so that an operator can tell lag from an outage.
    /// </summary>
    public const string ReadReasonHeader = "WelfareGraph-Read-Reason";

    /// <summary>On answers from the replica: when the last write it had replayed committed (ISO 8601, UTC).</summary>
    public const string DataAsOfHeader = "WelfareGraph-Data-As-Of";

    private static readonly object Key = new();

    public bool HasReplica => replica.IsConfigured;

    public static ReadSource? Of(HttpContext? http) => http?.Items[Key] as ReadSource;

    public async Task<ReadSource> ChooseAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (Of(http) is { } chosen)
            return chosen;
        var source = replica.IsConfigured ? await DecideAsync(http, cancellationToken) : ReadSource.Primary("no replica configured");
        http.Items[Key] = source;
        if (replica.IsConfigured && !http.Response.HasStarted)
        {
            http.Response.Headers[ReadFromHeader] = source.FromReplica ? "replica" : "primary";
            if (!source.FromReplica)
                http.Response.Headers[ReadReasonHeader] = source.Reason;
            if (source.AsOf is { } asOf)
                http.Response.Headers[DataAsOfHeader] = asOf.ToString("O", CultureInfo.InvariantCulture);
        }
        return source;
    }

    private async Task<ReadSource> DecideAsync(HttpContext http, CancellationToken cancellationToken)
    {
        long? minimum = null;
        if (http.Request.Headers[MinVersionHeader].ToString() is { Length: > 0 } sent)
        {
            // A value that is not a version cannot be checked against the replica: the primary is fresh enough for any.
            if (!long.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return ReadSource.Primary($"{MinVersionHeader} is not a data version");
            minimum = parsed;
        }
        var measured = await lag.CurrentAsync(cancellationToken);
        if (!measured.Usable)
            return ReadSource.Primary(measured.Problem ?? "replica unusable");
        if (measured.Lag > options.MaxReplicaLag)
            return ReadSource.Primary($"replica {measured.Lag.TotalSeconds:0.###} s behind, past Database:MaxReplicaLag");
        DataVersion version;
        try
        {
            await using var db = replica.CreateSystem();
            version = await DataVersionClock.ReadAsync(db, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            log.LogWarning("The read replica cannot be reached; reading the primary.");
            return ReadSource.Primary("the replica cannot be reached");
        }
        if (minimum > version.Value)
            return ReadSource.Primary($"replica at data version {version.Value}, {MinVersionHeader} {minimum}");
        return new ReadSource(true, version.Value, DateTime.SpecifyKind(version.ChangedAt, DateTimeKind.Utc), "replica");
    }
}

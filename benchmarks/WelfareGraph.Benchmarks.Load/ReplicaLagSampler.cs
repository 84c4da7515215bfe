using System.Diagnostics;
using Npgsql;
using WelfareGraph.Data;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// Samples, at a fixed interval, how far the replica is behind the primary in two ways: as the primary sees it
/// (<c>pg_stat_replication</c>: the WAL bytes it has sent that are not reported replayed, and <c>replay_lag</c>), and
/// as the server does before it routes a read (<see cref="ReplicaLagMonitor"/>'s own queries: the replica's replayed
/// position against the primary's, and while they differ the age of the last replayed transaction) — the measure
/// that is compared with <c>Database:MaxReplicaLag</c>.
/// </summary>
public static class ReplicaLagSampler
{
    /// <param name="WalBehind">Null while the primary has no walsender for the replica.</param>
    /// <param name="ReplayLagMs">Null when the primary has no recent measurement (no WAL activity).</param>
    /// <param name="ServerLagMs">The lag as the server measures it: zero once the replica has replayed the primary's position.</param>
    public sealed record Sample(TimeSpan At, long PrimaryLsn, long ReplayedLsn, long? WalBehind, double? ReplayLagMs, double ServerLagMs);

    private const string ReplicationSql =
        "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, (EXTRACT(EPOCH FROM replay_lag) * 1000)::float8 "
        + "FROM pg_stat_replication LIMIT 1";

    /// <summary>Samples until <paramref name="stop"/> is signalled; a sample slower than the interval skips the ticks it overran.</summary>
    public static async Task<List<Sample>> RunAsync(string primary, string replica, TimeSpan interval, CancellationToken stop)
    {
        await using var onPrimary = new NpgsqlConnection(primary);
        await using var onReplica = new NpgsqlConnection(replica);
        await onPrimary.OpenAsync(CancellationToken.None);
        await onReplica.OpenAsync(CancellationToken.None);
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        try
        {
            do samples.Add(await SampleAsync(onPrimary, onReplica, clock.Elapsed));
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        return samples;
    }

    private static async Task<Sample> SampleAsync(NpgsqlConnection primary, NpgsqlConnection replica, TimeSpan at)
    {
        // The replica first, then the primary, in the server's order: a position replayed after it was read cannot
        // hide behind a primary position read before it.
        long replayed;
        double age;
        await using (var command = new NpgsqlCommand(ReplicaLagMonitor.PostgresReplicaSql, replica))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (replayed, age) = (reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetDouble(2));
        }
        await using var current = new NpgsqlCommand(ReplicaLagMonitor.PostgresPrimarySql, primary);
        var lsn = (long)(await current.ExecuteScalarAsync())!;
        long? behind = null;
        double? replayLag = null;
        await using (var command = new NpgsqlCommand(ReplicationSql, primary))
        await using (var reader = await command.ExecuteReaderAsync())
            if (await reader.ReadAsync())
                (behind, replayLag) = (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1));
        return new Sample(at, lsn, replayed, behind, replayLag, ReplicaLagMonitor.PostgresLag(replayed, age, lsn).TotalMilliseconds);
    }
}

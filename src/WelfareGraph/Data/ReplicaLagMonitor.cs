using System.Data.Common;

namespace WelfareGraph.Data;

/// <summary>
/// How far the replica is behind the primary. PostgreSQL: the replica's replayed WAL position against the
/// primary's current one — caught up means no lag, however long the primary has been idle; only while the
/// positions differ is the lag the age of the last replayed transaction. SQL Server: the secondary's redo and
/// send queues, and while they are not empty the age of its last redone log. One measurement stands for
/// <c>Database:ReplicaLagCheckInterval</c>, so a busy server measures a few times a second, not per request.
/// </summary>
public sealed class ReplicaLagMonitor(ReadReplica replica, SystemDbContextFactory primary, DatabaseOptions options, TimeProvider time)
{
    /// <summary>Run on a PostgreSQL standby: its replayed WAL position (bytes) and the age of its last replayed transaction.</summary>
    public const string PostgresReplicaSql =
        "SELECT pg_is_in_recovery(), pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, "
        + "COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0)::float8";

    /// <summary>Run on the PostgreSQL primary: its current WAL position (bytes).</summary>
    public const string PostgresPrimarySql = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

    /// <summary>
    /// Run on a SQL Server readable secondary: its own row in the availability group's replica states for this
    /// database; redo and send queues empty is caught up, otherwise the age of the last redone log block.
    /// </summary>
    public const string SqlServerReplicaSql =
        "SELECT CAST(CASE WHEN rs.redo_queue_size = 0 AND rs.log_send_queue_size = 0 THEN 0 "
        + "ELSE DATEDIFF_BIG(millisecond, rs.last_redone_time, SYSDATETIME()) END AS bigint) "
        + "FROM sys.dm_hadr_database_replica_states AS rs WHERE rs.is_local = 1 AND rs.database_id = DB_ID()";

    private readonly SemaphoreSlim _measuring = new(1, 1);
    private ReplicaLag? _last;

    /// <summary>The last measurement if it is recent enough, otherwise a new one (one at a time; the others wait for it).</summary>
    public async Task<ReplicaLag> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_last) is { } last)
            return last;
        await _measuring.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_last) is { } measured)
                return measured;
            _last = await MeasureAsync(cancellationToken);
            return _last;
        }
        finally
        {
            _measuring.Release();
        }
    }

    private ReplicaLag? Fresh(ReplicaLag? lag) =>
        lag is not null && time.GetUtcNow() - lag.MeasuredAt < options.ReplicaLagCheckInterval ? lag : null;

    private async Task<ReplicaLag> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!replica.IsConfigured)
            return new ReplicaLag(false, TimeSpan.Zero, now, "no replica configured");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout * 2);
        try
        {
            var lag = options.Provider switch
            {
                DatabaseProvider.Postgres => await PostgresLagAsync(deadline.Token),
                DatabaseProvider.SqlServer => TimeSpan.FromMilliseconds(
                    await ScalarAsync<long>(replica.CreateSystem(), SqlServerReplicaSql, deadline.Token)
                ),
                _ => throw new InvalidOperationException($"{options.Provider} has no read replicas."),
            };
            return new ReplicaLag(true, lag, now, null);
        }
        catch (Exception e)
            when (DatabaseOutage.IsOutage(e)
                || (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            )
        {
            return new ReplicaLag(false, TimeSpan.MaxValue, now, "the replica cannot be reached");
        }
    }

    private async Task<TimeSpan> PostgresLagAsync(CancellationToken cancellationToken)
    {
        await using var standby = replica.CreateSystem();
        var connection = standby.Database.GetDbConnection();
        await standby.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = PostgresReplicaSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (inRecovery, replayed, age) = (reader.GetBoolean(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetDouble(2));
        if (!inRecovery)
            return TimeSpan.Zero; // a promoted replica is a primary: nothing to wait for
        var current = await ScalarAsync<long>(primary.CreateForReplicaCheck(), PostgresPrimarySql, cancellationToken);
        return PostgresLag(replayed, age, current);
    }

    /// <summary>
    /// Caught up (no lag, however idle the primary) once the standby has replayed the primary's position; until then
    /// the age in seconds of its last replayed transaction.
    /// </summary>
    public static TimeSpan PostgresLag(long replayedPosition, double replayAgeSeconds, long primaryPosition) =>
        replayedPosition >= primaryPosition ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(replayAgeSeconds, 0));

    private static async Task<T> ScalarAsync<T>(WelfareDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using (db)
        {
            DbConnection connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T));
        }
    }
}

/// <summary>One measurement of the replica's lag; <see cref="Usable"/> is false when there is none or it cannot be reached.</summary>
public sealed record ReplicaLag(bool Usable, TimeSpan Lag, DateTimeOffset MeasuredAt, string? Problem);

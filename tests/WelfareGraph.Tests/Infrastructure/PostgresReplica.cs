using Npgsql;

namespace WelfareGraph.Tests.Infrastructure;

public sealed partial class PostgresServer
{
    /// <summary>
    /// Starts a streaming replica of this cluster: <c>pg_basebackup -R</c> into a temp folder of its own (the copy
    /// brings this cluster's settings; the replica's port and socket are appended after them, so they win), then a
    /// hot standby on a free loopback port. Every database of the primary, later ones included, replicates.
    /// </summary>
    public async Task<PostgresReplica> StartReplicaAsync()
    {
        var root = Directory.CreateTempSubdirectory("welfaregraph-pg-replica-").FullName;
        var data = Path.Combine(root, "data");
        var socket = Path.Combine(root, "socket");
        var log = Path.Combine(root, "postgres.log");
        Directory.CreateDirectory(socket);
        if (RunningAsRoot)
            await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", root], asPostgres: false);
        var baseBackup = Path.Combine(_binDir ?? throw NotStarted(), "pg_basebackup");
        await RunAsync(
            baseBackup,
            ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", Superuser, "-D", data, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
            asPostgres: true
        );
        var port = LoopbackPort.Free();
        File.AppendAllText(
            Path.Combine(data, "postgresql.auto.conf"),
            $"""

            # Appended by the test fixture for the replica: its own port and socket.
            port = {port}
            unix_socket_directories = '{socket.Replace("'", "''")}'
            hot_standby = on

            """
        );
        await RunAsync(PgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "60"], asPostgres: true);
        return new PostgresReplica(
            port,
            root,
            () => RunAsync(PgCtl, ["stop", "-D", data, "-m", "fast", "-w", "-t", "60"], asPostgres: true, throwOnError: false)
        );
    }
}

/// <summary>A hot standby of a <see cref="PostgresServer"/>; stopped and deleted on dispose.</summary>
public sealed class PostgresReplica(int port, string root, Func<Task> stop) : IAsyncDisposable
{
    public int Port => port;

    public string ConnectionStringFor(string primaryConnectionString) =>
        new NpgsqlConnectionStringBuilder(primaryConnectionString) { Port = port }.ConnectionString;

    /// <summary>Stops applying WAL (it keeps receiving it): the replica falls behind the primary from here on.</summary>
    public Task PauseReplayAsync(string replicaConnectionString) => ExecuteAsync(replicaConnectionString, "SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync(string replicaConnectionString) => ExecuteAsync(replicaConnectionString, "SELECT pg_wal_replay_resume()");

    /// <summary>Polls until the replica has replayed everything the primary had written when this was called.</summary>
    public async Task WaitForReplayAsync(string primaryConnectionString, TimeSpan timeout)
    {
        await using var primary = new NpgsqlConnection(primaryConnectionString);
        await primary.OpenAsync();
        await using var current = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
        var target = (string)(await current.ExecuteScalarAsync())!;
        await using var replica = new NpgsqlConnection(ConnectionStringFor(primaryConnectionString));
        await replica.OpenAsync();
        await using var replayed = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", replica);
        replayed.Parameters.AddWithValue(target);
        var deadline = DateTime.UtcNow + timeout;
        while (!(bool)(await replayed.ExecuteScalarAsync())!)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The replica had not replayed up to {target} within {timeout}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await stop();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

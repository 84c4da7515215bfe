using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// Asks each connection the server opens, in the database itself, whether it is on a standby
/// (<c>pg_is_in_recovery()</c>), and records every command with the answer of the connection that ran it.
/// </summary>
public sealed class ServerRoleRecorder : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbConnection, StrongBox<bool>> _onStandby = new();

    public ConcurrentQueue<(string Sql, bool OnStandby)> Commands { get; } = new();

    public void Clear() => Commands.Clear();

    public async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery()";
        _onStandby.AddOrUpdate(connection, new StrongBox<bool>((bool)(await command.ExecuteScalarAsync(cancellationToken))!));
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery()";
        _onStandby.AddOrUpdate(connection, new StrongBox<bool>((bool)command.ExecuteScalar()!));
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (command.Connection is { } connection && _onStandby.TryGetValue(connection, out var standby))
            Commands.Enqueue((command.CommandText, standby.Value));
    }
}

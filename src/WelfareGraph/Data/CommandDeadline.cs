using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Data;

/// <summary>
/// Stops every database command at its request's deadline, however it was started. Microsoft.Data.Sqlite's
/// cancellation does nothing: a statement stepping inside SQLite (a large GROUP BY, say) would run on after the
/// deadline, holding a core; so on SQLite the command's token is tied to <c>sqlite3_interrupt</c> on its
/// connection's handle, for as long as the command runs or its reader is read. And a query enumerated
/// synchronously (OData's serializer enumerates its IQueryable) has no token at all: it gets the current
/// request's (<see cref="HttpContext.RequestAborted"/>, which is the deadline), and <c>Cancel()</c> on the
/// providers that support it.
/// </summary>
internal sealed class CommandDeadline : DbCommandInterceptor
{
    public static readonly CommandDeadline Instance = new();

    // Any instance reads the current request (an async-local), so this one needs no DI.
    private static readonly HttpContextAccessor Requests = new();

    // The registration lives as long as its command runs; the table never keeps a command alive.
    private static readonly ConditionalWeakTable<DbCommand, Armed> Running = [];

    private sealed record Armed(CancellationTokenRegistration Registration);

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    )
    {
        Arm(command, default);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result
    )
    {
        Arm(command, default);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Disarm(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        Arm(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        Arm(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Arm(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        object? result,
        CancellationToken cancellationToken = default
    )
    {
        Disarm(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        Disarm(command);
        return ValueTask.FromResult(result);
    }

    // A reader's statement keeps stepping while its rows are read: disarmed when the reader goes, not when it opens.
    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Disarm(command);
        return result;
    }

    public override InterceptionResult DataReaderDisposing(
        DbCommand command,
        DataReaderDisposingEventData eventData,
        InterceptionResult result
    )
    {
        Disarm(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Disarm(command);

    public override Task CommandFailedAsync(
        DbCommand command,
        CommandErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Disarm(command);
        return Task.CompletedTask;
    }

    private static void Arm(DbCommand command, CancellationToken cancellationToken)
    {
        var sqlite = command.Connection as SqliteConnection;
        // Other providers cancel their own commands when given a token.
        if (cancellationToken.CanBeCanceled && sqlite is null)
            return;
        if (!cancellationToken.CanBeCanceled)
            cancellationToken = Requests.HttpContext?.RequestAborted ?? default;
        if (!cancellationToken.CanBeCanceled)
            return;
        Action stop = sqlite?.Handle is { } handle ? () => SQLitePCL.raw.sqlite3_interrupt(handle) : command.Cancel;
        Running.AddOrUpdate(
            command,
            new Armed(
                cancellationToken.Register(() =>
                {
                    // Runs on the deadline's timer, where an exception would take the process down; a command that
                    // finished (or whose connection closed) meanwhile has nothing left to stop.
                    try
                    {
                        stop();
                    }
                    catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or DbException) { }
                })
            )
        );
    }

    private static void Disarm(DbCommand command)
    {
        if (!Running.TryGetValue(command, out var armed))
            return;
        Running.Remove(command);
        armed.Registration.Dispose();
    }
}

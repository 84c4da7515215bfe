using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the server sends and the rows the database returns to .NET
/// (<see cref="RowsRead"/> counts Read() calls: each row, plus the final call that finds no more).
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private int _commands;
    private long _rows;

    public ConcurrentQueue<string> Commands { get; } = new();
    public int CommandCount => _commands;
    public long RowsRead => Interlocked.Read(ref _rows);

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _rows, 0);
        Commands.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    )
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Interlocked.Add(ref _rows, eventData.ReadCount);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command,
        DataReaderClosingEventData eventData,
        InterceptionResult result
    )
    {
        Interlocked.Add(ref _rows, eventData.ReadCount);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        Commands.Enqueue(command.CommandText);
    }
}

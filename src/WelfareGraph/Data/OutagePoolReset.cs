using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Data;

/// <summary>
/// When a command, a connection or a transaction fails because the database went away, the other connections in
/// the pool point at the same dead server: each would fail once more after the server is back. Clearing the pool
/// at the first such failure makes the next request after recovery open a fresh connection, so the server heals
/// without a restart. Joins every context, the audit log's included.
/// </summary>
public sealed class OutagePoolReset : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly OutagePoolReset Instance = new();

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Reset(connection, eventData.Exception);

    public Task ConnectionFailedAsync(
        DbConnection connection,
        ConnectionErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Reset(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Reset(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Reset(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Reset(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(
        DbTransaction transaction,
        TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Reset(transaction.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public static void Reset(DbConnection? connection, Exception exception)
    {
        if (!DatabaseOutage.IsOutage(exception))
            return;
        switch (connection)
        {
            case Npgsql.NpgsqlConnection npgsql:
                Npgsql.NpgsqlConnection.ClearPool(npgsql);
                break;
            case Microsoft.Data.SqlClient.SqlConnection sql:
                Microsoft.Data.SqlClient.SqlConnection.ClearPool(sql);
                break;
        }
    }
}

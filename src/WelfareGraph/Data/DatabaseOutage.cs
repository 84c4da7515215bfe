using System.Net.Sockets;

namespace WelfareGraph.Data;

/// <summary>
/// The one place that tells "the database cannot be reached" from every other failure, for every provider: the
/// server answers those with 503 <c>DATABASE_UNAVAILABLE</c> (a client should retry later), drops the connections
/// pooled to the dead server, and keeps them apart from bugs and bad requests (500 <c>INTERNAL_ERROR</c>).
/// EF wraps provider exceptions (DbUpdateException, "transient failure" InvalidOperationException), so the whole
/// chain of inner exceptions is searched.
/// </summary>
public static class DatabaseOutage
{
    public const string Code = "DATABASE_UNAVAILABLE";

    public const string Message = "The database is unavailable at the moment; nothing was read or written. Try again shortly.";

    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Any(IsOutage);
            if (Matches(e))
                return true;
        }
        return false;
    }

    private static bool Matches(Exception e) =>
        e switch
        {
            // Server-side: connection exceptions (class 08) and the server shutting down or still starting
            // (admin_shutdown, crash_shutdown, cannot_connect_now).
            Npgsql.PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                || pg.SqlState is "57P01" or "57P02" or "57P03",
            // Client-side: the socket could not be opened, was reset or timed out while connecting or reading. Npgsql marks
            // exactly these transient (a PostgresException is handled above, so a transient SQL error is not counted here).
            Npgsql.NpgsqlException npgsql => npgsql.IsTransient,
            Microsoft.Data.SqlClient.SqlException sql => IsSqlServerConnectionError(sql),
            // A SQLite file that cannot be opened (missing volume, permissions): the embedded database is unreachable too.
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 14, // SQLITE_CANTOPEN
            SocketException => true,
            _ => false,
        };

    /// <summary>
    /// SqlClient's numbers for "no connection": network errors (-1, 2, 53, 64, 233, 10053, 10054, 10060, 10061, 11001),
    /// a timeout while connecting (-2, with "Connection Timeout Expired"; a command timeout is -2 too but is not an
    /// outage), the database not open (4060), Azure SQL's "database not currently available" (40613, 40197, 40501).
    /// </summary>
    private static bool IsSqlServerConnectionError(Microsoft.Data.SqlClient.SqlException sql) =>
        sql.Number is -1 or 2 or 53 or 64 or 233 or 10053 or 10054 or 10060 or 10061 or 11001 or 4060 or 40613 or 40197 or 40501
        || (sql.Number == -2 && sql.Message.Contains("Connection Timeout Expired", StringComparison.OrdinalIgnoreCase));
}

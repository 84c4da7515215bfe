using System.Data.Common;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Concurrent writers of overlapping batches collide on the unique (source, externalId) key or deadlock on
/// each other's rows; the loser's transaction rolls back whole and is run again, and then finds the rows.
/// </summary>
internal static class RetryableWrite
{
    public const int Attempts = 8;

    /// <summary>Runs <paramref name="write"/> (one transaction) until it commits, on a context cleared before each try.</summary>
    public static async Task<T> RunAsync<T>(Data.WelfareDbContext db, Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < Attempts && IsRetryable(e))
            {
                // Another writer committed some of these keys first: run again and find them.
            }
        }
    }

    public static bool IsRetryable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg when pg.SqlState is "23505" or "40001" or "40P01":
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite
                    when sqlite.SqliteErrorCode is 5 or 6 || (sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE")):
                    return true;
                case Microsoft.Data.SqlClient.SqlException sql when sql.Number is 2601 or 2627 or 1205:
                    return true;
                case DbException when e.Message.Contains("could not serialize", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Data;

/// <summary>What every SQLite connection needs once it is open: locking that waits well, and Persian order.</summary>
internal sealed class SqliteConnectionSetup(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, bool> InWalMode = new(StringComparer.Ordinal);
    private static readonly CompareInfo Persian = CultureInfo.GetCultureInfo("fa-IR").CompareInfo;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
            return;
        ConfigureLocking(sqlite);
        // SQLite knows no Persian alphabetical order (پ چ ژ گ sort after ی by code point): .NET's fa-IR comparison
        // (ICU) becomes a collation, so ORDER BY … COLLATE PERSIAN works.
        sqlite.CreateCollation(PersianCollation.Sqlite, (a, b) => Persian.Compare(a, b, CompareOptions.None));
    }

    /// <summary>
    /// SQLite has one writer at a time, and in its default rollback-journal mode readers and the writer exclude each
    /// other too. When a statement finds the file locked, Microsoft.Data.Sqlite retries it after sleeping 150 ms —
    /// the steps of 150 and 300 ms that sat in the tail of every query under concurrent load. So each connection
    /// gets write-ahead logging (readers never wait for the writer nor the writer for readers; a setting of the
    /// file, made once per file), and a busy timeout (<c>Database:SqliteBusyTimeout</c>): SQLite's own handler then
    /// waits for the lock in steps of a few milliseconds instead of failing over to the 150 ms sleep.
    /// </summary>
    private void ConfigureLocking(SqliteConnection sqlite)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
        // In-memory databases have no write-ahead log; a file keeps the mode once set.
        if (
            sqlite.DataSource is { Length: > 0 } file
            && !file.Contains(":memory:", StringComparison.Ordinal)
            && !InWalMode.ContainsKey(file)
        )
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            if (string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
                InWalMode[file] = true;
        }
    }
}

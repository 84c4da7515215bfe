using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Data;

/// <summary>
/// SQLite knows no Persian alphabetical order (پ چ ژ گ sort after ی by code point); this registers
/// .NET's fa-IR comparison (ICU) as a collation on each connection, so <c>ORDER BY … COLLATE PERSIAN</c> works.
/// </summary>
internal sealed class SqlitePersianCollation : DbConnectionInterceptor
{
    private static readonly CompareInfo Persian = CultureInfo.GetCultureInfo("fa-IR").CompareInfo;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateCollation(PersianCollation.Sqlite, (a, b) => Persian.Compare(a, b, CompareOptions.None));
    }
}

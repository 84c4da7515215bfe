using System.Data.Common;

namespace WelfareGraph.Data;

/// <summary>
/// A server that is down refuses connections at once, but one that is unreachable (a dropped route, a firewall that
/// swallows packets) lets a connection attempt wait for the provider's own default (15 s for Npgsql and SqlClient)
/// or the operating system's TCP timeout. <c>Database:ConnectTimeout</c> bounds every attempt, so a request fails
/// with <c>DATABASE_UNAVAILABLE</c> well inside its deadline; a connection string that sets its own timeout keeps it.
/// </summary>
public static class ConnectTimeout
{
    /// <summary>The spellings both providers accept for the connect timeout.</summary>
    private static readonly string[] Keys = ["timeout", "connect timeout", "connection timeout"];

    public static string Apply(DatabaseProvider provider, string connectionString, TimeSpan timeout)
    {
        if (provider == DatabaseProvider.Sqlite)
            return connectionString; // a file has no connection to wait for
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => Keys.Contains(k.Trim().ToLowerInvariant())))
            return connectionString;
        written[provider == DatabaseProvider.Postgres ? "Timeout" : "Connect Timeout"] = Math.Max(
            1,
            (int)Math.Ceiling(timeout.TotalSeconds)
        );
        return written.ConnectionString;
    }
}

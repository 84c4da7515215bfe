using System.Net;
using System.Net.Sockets;
using Npgsql;
using WelfareGraph.Data;

namespace WelfareGraph.Tests.Data;

/// <summary>What counts as "the database is unreachable", and the connect timeout every connection string gets.</summary>
public sealed class DatabaseOutageClassificationTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: the server is stopping
    [InlineData("57P03", true)] // cannot_connect_now: still starting
    [InlineData("08006", true)] // connection_failure
    [InlineData("23505", false)] // unique_violation: a conflict, retried by the writers
    [InlineData("42P01", false)] // undefined_table: a bug, not an outage
    public void PostgreSQL_errors_are_outages_by_their_SQLSTATE(string sqlState, bool outage) =>
        Assert.Equal(outage, DatabaseOutage.IsOutage(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Fact]
    public async Task A_refused_connection_is_an_outage_even_wrapped()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there now
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Timeout=2;Pooling=false");
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        Assert.True(DatabaseOutage.IsOutage(refused));
        Assert.True(
            DatabaseOutage.IsOutage(
                new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)
            )
        );
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_connect_timeout_is_added_unless_the_connection_string_sets_one()
    {
        var added = new NpgsqlConnectionStringBuilder(
            ConnectTimeout.Apply(DatabaseProvider.Postgres, "Host=db;Database=w", TimeSpan.FromSeconds(4))
        );
        Assert.Equal(4, added.Timeout);
        var kept = new NpgsqlConnectionStringBuilder(
            ConnectTimeout.Apply(DatabaseProvider.Postgres, "Host=db;Timeout=30", TimeSpan.FromSeconds(4))
        );
        Assert.Equal(30, kept.Timeout);
        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(
            ConnectTimeout.Apply(DatabaseProvider.SqlServer, "Server=db;Database=w", TimeSpan.FromSeconds(4))
        );
        Assert.Equal(4, sql.ConnectTimeout);
        Assert.Equal("Data Source=x.db", ConnectTimeout.Apply(DatabaseProvider.Sqlite, "Data Source=x.db", TimeSpan.FromSeconds(4)));
    }
}

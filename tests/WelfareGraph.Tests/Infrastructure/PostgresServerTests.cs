using Npgsql;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL cluster itself: reachable, the expected version, UTF-8 clean, databases apart.</summary>
[Collection("postgres")]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Accepts_a_connection_and_is_version_15()
    {
        await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync("version"));
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        var version = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(version);
        Assert.StartsWith("15", version);
    }

    [Fact]
    public async Task Persian_text_round_trips()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor("persian"));
        await connection.OpenAsync();

        // A literal through the SQL text, and a parameter through the wire protocol.
        await using (var literal = new NpgsqlCommand("SELECT 'زنجان'", connection))
            Assert.Equal("زنجان", (string?)await literal.ExecuteScalarAsync());

        await using (var table = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS provinces (name text NOT NULL)", connection))
            await table.ExecuteNonQueryAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO provinces (name) VALUES ($1)", connection))
        {
            insert.Parameters.AddWithValue("آذربایجان شرقی");
            await insert.ExecuteNonQueryAsync();
        }
        await using (var select = new NpgsqlCommand("SELECT name FROM provinces WHERE name LIKE 'آذربایجان%'", connection))
            Assert.Equal("آذربایجان شرقی", (string?)await select.ExecuteScalarAsync());

        await using var encoding = new NpgsqlCommand("SHOW server_encoding", connection);
        Assert.Equal("UTF8", (string?)await encoding.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Databases_are_isolated()
    {
        var first = await server.CreateDatabaseAsync("isolation");
        var second = await server.CreateDatabaseAsync("isolation");
        Assert.NotEqual(first, second);

        await using (var a = new NpgsqlConnection(first))
        {
            await a.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE only_here (id int); INSERT INTO only_here VALUES (1)", a);
            await create.ExecuteNonQueryAsync();
        }

        await using var b = new NpgsqlConnection(second);
        await b.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT to_regclass('only_here') IS NULL", b);
        Assert.True((bool)(await lookup.ExecuteScalarAsync())!);
    }

    [Fact]
    public void ConnectionStringFor_is_idempotent_and_names_the_database()
    {
        var once = server.ConnectionStringFor("named_twice");
        var twice = server.ConnectionStringFor("named_twice");

        Assert.Equal(once, twice);
        var builder = new NpgsqlConnectionStringBuilder(once);
        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(server.Port, builder.Port);
        Assert.Equal("postgres", builder.Username);
        Assert.Equal("named_twice", builder.Database);
        Assert.True(builder.IncludeErrorDetail);
    }

    [Fact]
    public async Task Icu_collations_are_available()
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();

        // Whether or not initdb made ICU the default, PostgreSQL built with ICU imports its collations.
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_collation WHERE collprovider = 'i' AND collname = 'fa-IR-x-icu'",
            connection
        );
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}

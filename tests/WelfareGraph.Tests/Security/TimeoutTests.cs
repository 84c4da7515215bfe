using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Test-only: turns the next command that reads contributions into <c>SELECT pg_sleep(60)</c>, the slow
/// query the execution timeout must cancel in the database.
/// </summary>
public sealed class SlowQueryInjector : DbCommandInterceptor
{
    private int _armed;

    public ConcurrentQueue<string> Outcomes { get; } = new();

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText.Contains("contributions", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            command.CommandText = "SELECT pg_sleep(60)";
            command.Parameters.Clear();
        }
        return ValueTask.FromResult(result);
    }

    public override Task CommandCanceledAsync(
        DbCommand command,
        CommandEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText.Contains("pg_sleep", StringComparison.Ordinal))
            Outcomes.Enqueue($"cancelled after {eventData.Duration.TotalMilliseconds:0} ms");
        return Task.CompletedTask;
    }

    public override Task CommandFailedAsync(
        DbCommand command,
        CommandErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText.Contains("pg_sleep", StringComparison.Ordinal))
            Outcomes.Enqueue("failed: " + eventData.Exception.GetType().Name);
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL with the demo schema, a two-second execution timeout and the slow-query injector.</summary>
public sealed class SlowPostgresServer : SecuredServer
{
    public SlowQueryInjector Injector { get; } = new();
    public string ConnectionString { get; private set; } = "";

    protected override async Task<WelfareGraphFactory> CreateAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        ConnectionString = await postgres.CreateDatabaseAsync("timeout");
        return new WelfareGraphFactory(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:WelfareGraph"] = ConnectionString,
                ["Database:SeedDemoData"] = "false",
                ["GraphQL:ExecutionTimeout"] = "00:00:02",
            },
            "Production",
            Identity
        )
        {
            TestServices = services => services.AddSingleton<IInterceptor>(Injector),
        };
    }
}

public sealed class TimeoutTests(SlowPostgresServer server) : IClassFixture<SlowPostgresServer>
{
    [Fact]
    public async Task The_execution_timeout_cancels_the_query_in_the_database()
    {
        // The deadline counts from the request's arrival: a cold server's first request (token keys, schema) must not use it up
        // before the slow command starts.
        await server.PostAsync(server.Token(WelfareRoles.Analyst), "{ provinces { nodes { code } } }");
        server.Injector.Arm();
        var clock = Stopwatch.StartNew();
        var (status, body) = await server.PostAsync(server.Token(WelfareRoles.Analyst), "{ contributions(first: 5) { nodes { id } } }");
        clock.Stop();

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("EXECUTION_TIMEOUT", SecuredServer.FirstCode(body));
        Assert.Null(body!["data"]);
        // A minute of pg_sleep, answered after the one-second timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains(
            server.Injector.Outcomes,
            o => o.StartsWith("cancelled", StringComparison.Ordinal) || o.StartsWith("failed", StringComparison.Ordinal)
        );

        // Npgsql cancels on the server and waits for it to confirm: nothing is still sleeping there.
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()",
            connection
        );
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}

using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Test-only: turns the next command that reads contributions into a statement that never ends inside SQLite
/// (a recursive count without a bound), the work the request's deadline must stop.
/// </summary>
public sealed class EndlessSqliteInjector : DbCommandInterceptor
{
    private const string Endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
    private int _armed;

    private TaskCompletionSource<string> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How the endless statement ended: <c>interrupted</c> when SQLite stopped it.</summary>
    public Task<string> Outcome => _outcome.Task;

    public void Arm()
    {
        _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _armed, 1);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    // OData's serializer enumerates its query synchronously: no cancellation token reaches the command that way.
    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    )
    {
        if (command.CommandText.Contains("contributions", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            command.CommandText = Endless;
            command.Parameters.Clear();
        }
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => _ = CommandFailedAsync(command, eventData);

    public override Task CommandFailedAsync(
        DbCommand command,
        CommandErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText == Endless)
            _outcome.TrySetResult(
                eventData.Exception is SqliteException { SqliteErrorCode: 9 } ? "interrupted" : "failed: " + eventData.Exception
            );
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(
        DbCommand command,
        CommandEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText == Endless)
            _outcome.TrySetResult("cancelled");
        return Task.CompletedTask;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (command.CommandText == Endless)
            _outcome.TrySetResult("executed-sync");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default
    )
    {
        if (command.CommandText == Endless)
            _outcome.TrySetResult("executed");
        return ValueTask.FromResult(result);
    }
}

/// <summary>The embedded default (SQLite demo data) with a two-second deadline and the endless-statement injector.</summary>
public sealed class EndlessSqliteServer : SecuredServer
{
    public EndlessSqliteInjector Injector { get; } = new();

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:02" }, "Production", Identity)
            {
                TestServices = services => services.AddSingleton<IInterceptor>(Injector),
            }
        );
}

/// <summary>
/// SQLite's command cancellation does nothing, so a statement stepping inside SQLite would hold a core long after
/// its request's deadline: the deadline interrupts it (sqlite3_interrupt), on the GraphQL endpoint and in the OData feed's
/// synchronous enumeration alike.
/// </summary>
public sealed class SqliteTimeoutTests(EndlessSqliteServer server) : IClassFixture<EndlessSqliteServer>
{
    // Not a timing assertion: without the interrupt the statement never ends, and this only keeps a failing run finite.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>The deadline counts from a request's arrival: a cold server's first one (token keys, schema) must not use it up.</summary>
    private Task WarmAsync() => server.PostAsync(server.Token(WelfareRoles.Analyst), "{ provinces { nodes { code } } }");

    [Fact]
    public async Task The_deadline_interrupts_a_statement_running_inside_SQLite()
    {
        await WarmAsync();
        server.Injector.Arm();
        var (status, body) = await server
            .PostAsync(server.Token(WelfareRoles.Analyst), "{ contributions(first: 5) { nodes { id } } }")
            .WaitAsync(HangGuard);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("EXECUTION_TIMEOUT", SecuredServer.FirstCode(body));
        Assert.Contains("GraphQL:ExecutionTimeout", body!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(body["data"]);
        Assert.Equal("interrupted", await server.Injector.Outcome.WaitAsync(HangGuard));

        // The connection the statement ran on is fine afterwards.
        var data = await server.DataAsync(server.Token(WelfareRoles.Analyst), "{ contributions(first: 2) { nodes { id } } }");
        Assert.Equal(2, data["contributions"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_OData_feed_enumerating_synchronously_is_stopped_at_the_same_deadline()
    {
        await WarmAsync();
        server.Injector.Arm();
        using var client = TestIdentity.Authorize(server.Factory.CreateClient(), server.Token(WelfareRoles.Analyst));
        using var response = await client.GetAsync("/odata/Contributions?$top=5").WaitAsync(HangGuard);

        // The statement ran inside OData's serializer, with no token of its own: interrupted all the same.
        Assert.Equal("interrupted", await server.Injector.Outcome.WaitAsync(HangGuard));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("EXECUTION_TIMEOUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

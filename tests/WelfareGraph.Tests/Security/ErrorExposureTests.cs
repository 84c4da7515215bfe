using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>Test-only: makes the next command fail with a message full of what must never reach a client.</summary>
public sealed class FailingCommand : DbCommandInterceptor
{
    public const string Secret = "SELECT pseudonym FROM households WHERE id = 7; Host=db.internal;Username=welfare;Password=hunter2";
    private int _armed;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) =>
        command.CommandText.Contains("contributions", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1
            ? throw new InvalidOperationException(Secret)
            : ValueTask.FromResult(result);
}

public sealed class FailingServer : SecuredServer
{
    public FailingCommand Failure { get; } = new();
    public string Environment { get; init; } = "Production";

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(environment: Environment, identity: Identity)
            {
                TestServices = services => services.AddSingleton<IInterceptor>(Failure),
            }
        );
}

/// <summary>Outside Development a failure tells the client nothing about its cause.</summary>
public sealed class ErrorExposureTests(FailingServer server) : IClassFixture<FailingServer>
{
    [Fact]
    public async Task A_database_failure_shows_no_SQL_connection_string_or_stack_trace()
    {
        server.Failure.Arm();
        var (status, body) = await server.PostAsync(server.Token(WelfareRoles.Analyst), "{ contributions(first: 1) { nodes { id } } }");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("INTERNAL_ERROR", SecuredServer.FirstCode(body));
        var text = body!.ToJsonString();
        foreach (
            var secret in new[]
            {
                "SELECT",
                "pseudonym",
                "hunter2",
                "Password",
                "Host=",
                "InvalidOperation",
                "Exception",
                " at ",
                ".cs:line",
            }
        )
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_shows_the_details_to_the_developer()
    {
        var development = new FailingServer { Environment = "Development" };
        await development.InitializeAsync();
        try
        {
            development.Failure.Arm();
            var (_, body) = await development.PostAsync(
                development.Token(WelfareRoles.Analyst),
                "{ contributions(first: 1) { nodes { id } } }"
            );
            Assert.Contains("hunter2", body!.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await development.DisposeAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Data;

/// <summary>
/// The server in Production behind Entra ID (test tokens), with the demo data on a PostgreSQL cluster of its own —
/// not the shared one, since the outage test stops it — and the <see cref="CommandHold"/> interceptor.
/// </summary>
public sealed class OutageServer : SecuredServer
{
    public PostgresServer Postgres { get; } = new();
    public CommandHold Holds { get; } = new();
    public string ConnectionString { get; private set; } = "";

    /// <summary>The execution deadline: every request must be answered within it, outage or not.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    protected override async Task<WelfareGraphFactory> CreateAsync()
    {
        await Postgres.InitializeAsync();
        ConnectionString = await Postgres.CreateDatabaseAsync("outage");
        return new WelfareGraphFactory(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:WelfareGraph"] = ConnectionString,
                ["GraphQL:ExecutionTimeout"] = Deadline.ToString("c"),
                ["GraphQL:RateLimit:PermitLimit"] = "100000",
            },
            "Production",
            Identity
        )
        {
            TestServices = services => services.AddSingleton<IInterceptor>(Holds),
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

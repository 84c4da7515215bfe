namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run (xunit 2 has no assembly fixtures):
/// started on first use, stopped and deleted when the test process exits.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }
}

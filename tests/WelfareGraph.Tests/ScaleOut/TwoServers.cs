using System.Globalization;
using System.Net.Http.Headers;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.ScaleOut;

/// <summary>
/// A deployment in miniature: a PostgreSQL primary with a streaming replica, a real <c>redis-server</c>, a shared
/// job folder, a loopback token authority, and two WelfareGraph servers A and B as programs of their own, each
/// configured only by environment variables (Production, reads on the replica, the answer cache on with Redis,
/// <see cref="PermitLimit"/> requests per caller in a 10-minute window). Started once for all the tests of a class;
/// tests that stop a part start it again.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    public const int PermitLimit = 200;

    private readonly PostgresServer _primary = new();
    private LoopbackTokenAuthority _authority = null!;

    public PostgresReplica Replica { get; private set; } = null!;
    public string PrimaryConnection { get; private set; } = "";
    public string ReplicaConnection { get; private set; } = "";
    public RedisServer Redis { get; } = new();
    public string JobFolder { get; } = Path.Combine(Path.GetTempPath(), $"welfaregraph-two-servers-{Guid.NewGuid():N}");
    public ServerProcess A { get; private set; } = null!;
    public ServerProcess B { get; private set; } = null!;

    public TestIdentity Identity => _authority.Identity;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(JobFolder);
        await Task.WhenAll(_primary.InitializeAsync(), Redis.InitializeAsync());
        _authority = await LoopbackTokenAuthority.StartAsync();
        Replica = await _primary.StartReplicaAsync();
        PrimaryConnection = await _primary.CreateDatabaseAsync("two_servers");
        ReplicaConnection = Replica.ConnectionStringFor(PrimaryConnection);
        A = new ServerProcess("A", Settings());
        B = new ServerProcess("B", Settings());
        // One after the other: the first migrates the database and loads the demo data, the second finds them.
        await A.StartAsync();
        await B.StartAsync();
        await Replica.WaitForReplayAsync(PrimaryConnection, TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _authority.DisposeAsync();
        await Redis.DisposeAsync();
        await Replica.DisposeAsync();
        await _primary.DisposeAsync();
        try
        {
            Directory.Delete(JobFolder, recursive: true);
        }
        catch (IOException) { }
    }

    /// <summary>
    /// A client of <paramref name="server"/> with a token of <paramref name="roles"/> and national scope,
    /// as caller <paramref name="subject"/>.
    /// </summary>
    public HttpClient Client(ServerProcess server, string subject, params string[] roles)
    {
        var client = server.CreateClient();
        var token = Identity.Token(roles.Length == 0 ? [WelfareRoles.Analyst] : roles, ScopeClaim.National, subject: subject);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Dictionary<string, string?> Settings() =>
        new(_authority.ServerSettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__WelfareGraph"] = PrimaryConnection,
            ["ConnectionStrings__WelfareGraphReadOnly"] = ReplicaConnection,
            // Any lag is tolerated: a read shows how old it is, and only a data version brings the primary.
            ["Database__MaxReplicaLag"] = "01:00:00",
            ["Database__ReplicaLagCheckInterval"] = "00:00:00",
            ["ConnectionStrings__Redis"] = Redis.ConnectionString,
            ["Cache__Enabled"] = "true",
            ["Exports__JobStore"] = JobFolder,
            ["Exports__JobHeartbeat"] = "00:00:00.250",
            ["Exports__JobLease"] = "00:00:10",
            ["GraphQL__RateLimit__PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
            ["GraphQL__RateLimit__Window"] = "00:10:00",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
        };
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Statements;

/// <summary>The demo data behind Entra ID (a <see cref="TestIdentity"/>, Production), on Kestrel for a real browser.</summary>
public sealed class SecuredLoopbackServer : IDisposable
{
    public SecuredLoopbackServer()
    {
        Factory = new WelfareGraphFactory(environment: "Production", identity: Identity);
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = new Uri(
            Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
        );
        BaseAddress = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    public TestIdentity Identity { get; } = new();
    public WelfareGraphFactory Factory { get; }
    public Uri BaseAddress { get; }

    public void Dispose() => Factory.Dispose();
}

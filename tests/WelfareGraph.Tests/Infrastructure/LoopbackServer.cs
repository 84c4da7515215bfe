using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>The real server (demo data on SQLite) on Kestrel over real HTTP, for a real browser or a real client.</summary>
public sealed class LoopbackServer : IDisposable
{
    public LoopbackServer()
    {
        Factory = new WelfareGraphFactory();
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        // The IDE resolves its GraphQL endpoint from the page's own URL: give clients a plain loopback address.
        var address = new Uri(addresses.First());
        BaseAddress = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    public WelfareGraphFactory Factory { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public void Dispose() => Factory.Dispose();
}

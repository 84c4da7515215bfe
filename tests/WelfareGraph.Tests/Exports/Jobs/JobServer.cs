using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>One server of several over one database and one job store, with a gate that can hold its export queries.</summary>
public sealed class JobServer : IDisposable
{
    public JobServer(IDictionary<string, string?> settings)
    {
        Factory = new WelfareGraphFactory(settings) { TestServices = services => services.AddSingleton<IInterceptor>(Gate) };
        // Started here, one after the other: the first migrates the database and loads the demo data.
        Client = Factory.CreateClient();
    }

    public UnderlyingQueryGate Gate { get; } = new();
    public WelfareGraphFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose() => Factory.Dispose();
}

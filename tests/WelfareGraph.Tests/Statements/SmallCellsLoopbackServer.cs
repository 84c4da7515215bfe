using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Tests.Analytics;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// The small-cells data set (<see cref="SmallCellsServer.Spec"/>: county × benefit cells of 1–7 households) on Kestrel, for a real browser.
/// </summary>
public sealed class SmallCellsLoopbackServer : IAsyncLifetime
{
    public WelfareGraphFactory Factory { get; } = new(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = new Uri(
            Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
        );
        BaseAddress = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
        await using var db = Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        await DataSetWriter.WriteAsync(db, DataSetGenerator.Generate(SmallCellsServer.Spec));
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Exports.Jobs;

/// <summary>
/// Azurite (npm), the Azure Storage emulator, serving blobs on a loopback port from memory for one test class.
/// <c>--skipApiVersionCheck</c>: the Azure SDK asks for a newer service version than the emulator names.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    /// <summary>The emulator's well-known development account (documented as public; it guards nothing).</summary>
    private const string Account = "devstoreaccount1";

    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "WelfareGraph.Tests", "Exports", "Azurite");

    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await NpmPackages.RestoreAsync(Folder);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(
            "node",
            [
                Path.Combine(Folder, "node_modules", "azurite", "dist", "src", "blob", "main.js"),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--silent",
            ]
        )
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/{Account};";

        // Ready once it answers a request; a slow machine takes a while to load it.
        var probe = new BlobClientOptions();
        probe.Retry.MaxRetries = 0;
        var service = new BlobServiceClient(ConnectionString, probe);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited with {_process.ExitCode} before it served.");
            try
            {
                await service.GetPropertiesAsync(limit.Token);
                return;
            }
            catch (Exception e)
                when (e is Azure.RequestFailedException or HttpRequestException or IOException or AggregateException
                    && !limit.IsCancellationRequested
                )
            {
                await Task.Delay(200, limit.Token);
            }
        }
    }

    public BlobContainerClient Container(string name) => new(ConnectionString, name);

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

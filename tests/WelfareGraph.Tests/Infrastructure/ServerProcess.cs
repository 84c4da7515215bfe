using System.Diagnostics;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// The real server as a program of its own (<c>dotnet exec</c> of its build output), on a loopback port it keeps
/// across restarts, configured by environment variables only — what a deployment's servers are. Its output is
/// kept for the messages of failing tests.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public ServerProcess(string name, IReadOnlyDictionary<string, string?> environment)
    {
        Name = name;
        Port = LoopbackPort.Free();
        _environment = new Dictionary<string, string?>(environment);
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts the program and waits until it answers <c>/health/live</c>.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException($"Server {Name} is already running.");
        var server = RepositoryPaths.ServerAssembly;
        if (!File.Exists(server))
            throw new InvalidOperationException(server + " is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root, // the content root: appsettings.json is there
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", server, "--urls", $"http://127.0.0.1:{Port}" })
            start.ArgumentList.Add(argument);
        // The test's own variables must not configure the server (a developer's AzureAd__*, say): only these do.
        foreach (var name in start.Environment.Keys.ToList())
            if (name.Contains("__", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
                start.Environment.Remove(name);
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Server {Name} exited with {process.ExitCode} while starting:\n{OutputTail()}");
            try
            {
                using var live = await probe.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Server {Name} did not answer /health/live within 120 s:\n{OutputTail()}");
            await Task.Delay(100); // a polling interval: the loop ends when the server answers
        }
    }

    /// <summary>Ends the program the way a crash or a redeployment would (SIGKILL).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>The last lines the program wrote.</summary>
    public string OutputTail()
    {
        lock (_output)
            return string.Join('\n', _output);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await StopAsync();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 5000)
                _output.Dequeue();
        }
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { } // already gone
    }
}

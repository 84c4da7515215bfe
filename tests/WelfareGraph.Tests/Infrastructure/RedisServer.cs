using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's package; ./test.sh installs it) on a free loopback port, without
/// persistence. It can be stopped and started again on the same port, for outage tests.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000";

    public async Task InitializeAsync()
    {
        Port = LoopbackPort.Free();
        await StartAsync();
    }

    public async Task StartAsync()
    {
        const string program = "/usr/bin/redis-server";
        if (!File.Exists(program))
            throw new InvalidOperationException(
                "redis-server was not found; run ./test.sh, which installs it (apt-get install redis-server)."
            );
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            info.ArgumentList.Add(argument);
        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AnswersAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{Port}.");
            await Task.Delay(20); // a polling interval: the loop ends when the port answers
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public Task DisposeAsync() => StopAsync();

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            await using var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Http;

/// <summary>
/// Kestrel's limits from <c>Kestrel:Limits</c>: they reach the server's options in this composition, and a real
/// Kestrel listener on a loopback port enforces them (TestServer would ignore them).
/// </summary>
public sealed class KestrelLimitsTests
{
    /// <summary>Guards against a hang only; every wait below ends on the socket's own event well before it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public void The_limits_in_the_root_appsettings_reach_KestrelServerOptions()
    {
        var configured = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json")))!["Kestrel"]!["Limits"]!;
        using var factory = new WelfareGraphFactory();
        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(TimeSpan.Parse(configured["KeepAliveTimeout"]!.GetValue<string>()), limits.KeepAliveTimeout);
        Assert.Equal(TimeSpan.Parse(configured["RequestHeadersTimeout"]!.GetValue<string>()), limits.RequestHeadersTimeout);
        Assert.Equal(configured["MaxConcurrentConnections"]!.GetValue<long>(), limits.MaxConcurrentConnections);
        Assert.Equal(configured["MaxConcurrentUpgradedConnections"]!.GetValue<long>(), limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(configured["MaxRequestHeaderCount"]!.GetValue<int>(), limits.MaxRequestHeaderCount);
        Assert.Equal(configured["MaxRequestHeadersTotalSize"]!.GetValue<int>(), limits.MaxRequestHeadersTotalSize);
        Assert.Equal(configured["MaxRequestLineSize"]!.GetValue<int>(), limits.MaxRequestLineSize);
        Assert.Equal(configured["MaxRequestBodySize"]!.GetValue<long>(), limits.MaxRequestBodySize);
        Assert.Equal(
            configured["MinRequestBodyDataRate"]!["BytesPerSecond"]!.GetValue<double>(),
            limits.MinRequestBodyDataRate!.BytesPerSecond
        );
        Assert.Equal(
            TimeSpan.Parse(configured["MinRequestBodyDataRate"]!["GracePeriod"]!.GetValue<string>()),
            limits.MinRequestBodyDataRate.GracePeriod
        );
        Assert.Equal(configured["MinResponseDataRate"]!["BytesPerSecond"]!.GetValue<double>(), limits.MinResponseDataRate!.BytesPerSecond);
        Assert.Equal(configured["Http2"]!["MaxStreamsPerConnection"]!.GetValue<int>(), limits.Http2.MaxStreamsPerConnection);
        Assert.Equal(configured["Http2"]!["MaxRequestHeaderFieldSize"]!.GetValue<int>(), limits.Http2.MaxRequestHeaderFieldSize);
        // Not Kestrel's defaults, so the values above were read, not merely left alone.
        Assert.NotEqual(new KestrelServerLimits().RequestHeadersTimeout, limits.RequestHeadersTimeout);
        Assert.NotEqual(new KestrelServerLimits().MaxConcurrentConnections, limits.MaxConcurrentConnections);
    }

    [Fact]
    public async Task A_client_that_stalls_inside_its_request_headers_is_disconnected_after_the_header_timeout()
    {
        using var factory = OnKestrel(
            new()
            {
                ["Kestrel:Limits:RequestHeadersTimeout"] = "00:00:01",
                // Far longer than the test: a close can only come from the header timeout.
                ["Kestrel:Limits:KeepAliveTimeout"] = "00:10:00",
            },
            out var port
        );
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: localhost\r\nAccept: "));

        var (received, closed) = await ReadUntilClosedAsync(stream);
        Assert.True(closed);
        Assert.StartsWith("HTTP/1.1 408", received);
    }

    [Fact]
    public async Task Connections_past_MaxConcurrentConnections_are_refused()
    {
        using var factory = OnKestrel(new() { ["Kestrel:Limits:MaxConcurrentConnections"] = "2" }, out var port);
        var open = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var connection = new TcpClient();
                open.Add(connection);
                await connection.ConnectAsync("127.0.0.1", port);
                // Answered, and kept alive: Kestrel counts it.
                Assert.Contains("Healthy", await RequestAsync(connection.GetStream()));
            }

            using var third = new TcpClient();
            await third.ConnectAsync("127.0.0.1", port); // the kernel accepts it; Kestrel then closes it unanswered
            var stream = third.GetStream();
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(HealthRequest));
            }
            catch (IOException) { } // already reset
            var (received, closed) = await ReadUntilClosedAsync(stream);
            Assert.True(closed);
            Assert.Equal("", received);

            // The two admitted connections still work.
            foreach (var connection in open)
                Assert.Contains("Healthy", await RequestAsync(connection.GetStream()));
        }
        finally
        {
            foreach (var connection in open)
                connection.Dispose();
        }
    }

    private const string HealthRequest = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /// <summary>The real composition on a real Kestrel socket on loopback, started.</summary>
    private static WelfareGraphFactory OnKestrel(Dictionary<string, string?> settings, out int port)
    {
        var factory = new WelfareGraphFactory(settings);
        factory.UseKestrel(0);
        using var client = factory.CreateClient();
        port = client.BaseAddress!.Port;
        return factory;
    }

    /// <summary>One request on a kept-alive connection; the response read to the end of its body ("Healthy").</summary>
    private static async Task<string> RequestAsync(NetworkStream stream)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(HealthRequest));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("Healthy", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(HangGuard);
            if (read == 0)
                break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    /// <summary>Reads what the server sends until it closes the connection (end of stream, or a reset).</summary>
    private static async Task<(string Received, bool Closed)> ReadUntilClosedAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(HangGuard);
                if (read == 0)
                    return (received.ToString(), true);
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException e) when (e.InnerException is SocketException)
        {
            return (received.ToString(), true);
        }
    }
}

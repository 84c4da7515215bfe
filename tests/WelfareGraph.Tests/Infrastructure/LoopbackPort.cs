using System.Net;
using System.Net.Sockets;

namespace WelfareGraph.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on now, for a server a test starts (PostgreSQL, Redis, Azurite).</summary>
public static class LoopbackPort
{
    /// <summary>
    /// The port the system hands out for port 0; another program could take it before the server does, so starters retry.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace PrecisionCloud.Tests.Http;

internal static class FreePort
{
    /// <summary>A loopback TCP port nobody listens on now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

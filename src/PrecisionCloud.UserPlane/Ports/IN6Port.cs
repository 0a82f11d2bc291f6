using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>An N6 port: plain IP packets to and from a data network (a TUN device, an edge app's local port, memory).</summary>
public interface IN6Port : IDisposable
{
    /// <summary>The network instance the port serves (FARs name it to send packets here).</summary>
    string NetworkInstance { get; }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> and fills the (cleared) batch with packets from the data network.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="timeoutMilliseconds">How long to wait for the first packet.</param>
    /// <returns>The number of packets received.</returns>
    int Receive(PacketBatch batch, int timeoutMilliseconds);

    /// <summary>Sends one packet to the data network.</summary>
    /// <param name="packet">The IP packet.</param>
    /// <returns>Whether it was taken.</returns>
    bool Send(ReadOnlySpan<byte> packet);
}

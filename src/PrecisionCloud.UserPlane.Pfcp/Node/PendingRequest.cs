using System.Net;
using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>A request this user plane sent and has no answer to yet: sent again every T1, given up after N1 more tries.</summary>
internal sealed class PendingRequest(PfcpMessageType type, byte[] datagram, IPEndPoint destination, PfcpPeer? peer, long dueAt)
{
    public PfcpMessageType Type { get; } = type;

    public byte[] Datagram { get; } = datagram;

    public IPEndPoint Destination { get; } = destination;

    /// <summary>The CP node it went to, when known.</summary>
    public PfcpPeer? Peer { get; } = peer;

    /// <summary>When to send it again (timestamp ticks).</summary>
    public long DueAt { get; set; } = dueAt;

    /// <summary>How many times it was sent again.</summary>
    public int Retransmissions { get; set; }
}

using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Node Report Request (3GPP TS 29.244 §7.4.5.1), sent by the user plane to its CP nodes: GTP-U paths that failed
/// (User Plane Path Failure Report, UPFR) or recovered (User Plane Path Recovery Report, UPRR), each naming the
/// remote GTP-U peers.
/// </summary>
/// <param name="NodeId">The user plane.</param>
public sealed record NodeReportRequest(NodeId NodeId)
{
    /// <summary>The peers whose paths failed.</summary>
    public IReadOnlyList<InetAddress> FailedPeers { get; init; } = [];

    /// <summary>The peers whose paths recovered.</summary>
    public IReadOnlyList<InetAddress> RecoveredPeers { get; init; } = [];

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.NodeReportRequest, sequenceNumber);
        NodeId.Write(ref writer);
        writer.WriteIe(PfcpIeType.NodeReportType, (byte)((FailedPeers.Count > 0 ? 0x01 : 0) | (RecoveredPeers.Count > 0 ? 0x02 : 0)));
        WritePeers(ref writer, PfcpIeType.UserPlanePathFailureReport, FailedPeers);
        WritePeers(ref writer, PfcpIeType.UserPlanePathRecoveryReport, RecoveredPeers);
        return writer.EndMessage();
    }

    /// <summary>A path report: one Remote GTP-U Peer IE (§8.2.70: V4 or V6 flag, then the address) per peer.</summary>
    private static void WritePeers(ref PfcpWriter writer, PfcpIeType type, IReadOnlyList<InetAddress> peers)
    {
        if (peers.Count == 0)
        {
            return;
        }

        var group = writer.BeginGroup(type);
        foreach (var peer in peers)
        {
            var value = writer.ReserveIe(PfcpIeType.RemoteGtpUPeer, 1 + peer.Length);
            if (!value.IsEmpty)
            {
                value[0] = (byte)(peer.IsIPv6 ? 0x01 : 0x02);
                peer.TryWrite(value[1..]);
            }
        }

        writer.EndGroup(group);
    }
}

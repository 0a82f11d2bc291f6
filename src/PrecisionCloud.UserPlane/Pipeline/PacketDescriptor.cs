using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>One packet of a <see cref="PacketBatch"/>: where its bytes are, where it came from, and the verdict.</summary>
public struct PacketDescriptor
{
    /// <summary>Where the packet's first byte is in the batch's buffer.</summary>
    public int Offset { get; set; }

    /// <summary>The packet's length.</summary>
    public int Length { get; set; }

    /// <summary>The decision.</summary>
    public PacketVerdict Verdict { get; set; }

    /// <summary>Why it was dropped (with <see cref="PacketVerdict.Drop"/>).</summary>
    public DropReason DropReason { get; set; }

    /// <summary>The N6 port to send out of (with <see cref="PacketVerdict.ToN6"/>).</summary>
    public int EgressPort { get; set; }

    /// <summary>On receipt, the sender (for N3, the gNB's address); on sending, the tunnel peer or reply target.</summary>
    public InetAddress RemoteAddress { get; set; }

    /// <summary>The UDP port that goes with <see cref="RemoteAddress"/>.</summary>
    public ushort RemotePort { get; set; }

    /// <summary>With <see cref="PacketVerdict.ToTunnel"/>: where the GTP-U header starts (what a UDP socket sends).</summary>
    public int TunnelOffset { get; set; }
}

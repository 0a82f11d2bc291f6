namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>What the pipeline decided for a packet of a batch.</summary>
public enum PacketVerdict : byte
{
    /// <summary>Not processed yet.</summary>
    Pending,

    /// <summary>Dropped; <see cref="PacketDescriptor.DropReason"/> says why.</summary>
    Drop,

    /// <summary>Send out of the N6 port <see cref="PacketDescriptor.EgressPort"/> as a plain IP packet.</summary>
    ToN6,

    /// <summary>Send into a GTP-U tunnel: the packet starts with outer IP and UDP headers, to <see cref="PacketDescriptor.RemoteAddress"/>.</summary>
    ToTunnel,

    /// <summary>Send back to the sender: a GTP-U signalling answer (Echo Response, Error Indication) from <see cref="PacketDescriptor.Offset"/>.</summary>
    Reply,

    /// <summary>Held in the session's buffer until the UE is reachable.</summary>
    Buffered,

    /// <summary>A signalling message taken in by the user plane (Echo Response, Error Indication from a peer).</summary>
    Consumed,
}

namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// A parsed GTP-U message: the header, the extension headers PrecisionCloud understands, and where the payload
/// (the T-PDU of a G-PDU, or the information elements of a signalling message) lies in the datagram.
/// Filled by <see cref="GtpReader.TryRead"/>; a value type, so reading allocates nothing.
/// </summary>
public struct GtpPacket
{
    /// <summary>The message type octet.</summary>
    public GtpMessageType MessageType { get; internal set; }

    /// <summary>The Tunnel Endpoint Identifier.</summary>
    public uint Teid { get; internal set; }

    /// <summary>The header's Length field: octets after the 8 mandatory header octets.</summary>
    public ushort Length { get; internal set; }

    /// <summary>Whether the S flag is set (the sequence number is meaningful).</summary>
    public bool HasSequenceNumber { get; internal set; }

    /// <summary>The sequence number (meaningful when <see cref="HasSequenceNumber"/>).</summary>
    public ushort SequenceNumber { get; internal set; }

    /// <summary>Whether the PN flag is set (the N-PDU number is meaningful).</summary>
    public bool HasNPduNumber { get; internal set; }

    /// <summary>The N-PDU number (meaningful when <see cref="HasNPduNumber"/>).</summary>
    public byte NPduNumber { get; internal set; }

    /// <summary>Whether the E flag is set.</summary>
    public bool HasExtensionHeaders { get; internal set; }

    /// <summary>Whether a PDU Session Container was present.</summary>
    public bool HasPduSessionContainer { get; internal set; }

    /// <summary>The PDU Session Container (meaningful when <see cref="HasPduSessionContainer"/>).</summary>
    public PduSessionContainer PduSessionContainer { get; internal set; }

    /// <summary>Whether a UDP Port extension header was present.</summary>
    public bool HasUdpPort { get; internal set; }

    /// <summary>The UDP Port extension header's port (Error Indication: the triggering packet's source port).</summary>
    public ushort UdpPort { get; internal set; }

    /// <summary>The PDCP PDU number (16 bits) or Long PDCP PDU number (18 bits), or -1 when absent.</summary>
    public int PdcpPduNumber { get; internal set; }

    /// <summary>Whether a Service Class Indicator was present.</summary>
    public bool HasServiceClassIndicator { get; internal set; }

    /// <summary>The Service Class Indicator (meaningful when <see cref="HasServiceClassIndicator"/>).</summary>
    public byte ServiceClassIndicator { get; internal set; }

    /// <summary>
    /// With <see cref="DropReason.ExtensionHeaderNotComprehended"/>: the type that was not understood, which the
    /// receiver reports in a Supported Extension Headers Notification.
    /// </summary>
    public byte UnsupportedExtensionHeaderType { get; internal set; }

    /// <summary>Where the payload starts in the datagram: after the header and every extension header.</summary>
    public int PayloadOffset { get; internal set; }

    /// <summary>The payload's length in octets.</summary>
    public int PayloadLength { get; internal set; }

    /// <summary>The total header length: <see cref="PayloadOffset"/>.</summary>
    public readonly int HeaderLength => PayloadOffset;
}

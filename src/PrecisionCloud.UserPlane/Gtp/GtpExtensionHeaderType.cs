namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// GTP-U extension header types (3GPP TS 29.281 §5.2.1, Figure 5.2.1-3). The two most significant bits say how a
/// receiver that does not know a type handles it; see <see cref="GtpExtensionHeaderTypes.RequiresComprehension"/>.
/// </summary>
public enum GtpExtensionHeaderType : byte
{
    /// <summary>No more extension headers.</summary>
    NoMoreExtensionHeaders = 0x00,

    /// <summary>Long PDCP PDU Number, comprehension not required (§5.2.2.2A, type 0x03).</summary>
    LongPdcpPduNumberOptional = 0x03,

    /// <summary>Service Class Indicator (§5.2.2.3).</summary>
    ServiceClassIndicator = 0x20,

    /// <summary>UDP Port (§5.2.2.1): the source port of the packet that triggered an Error Indication.</summary>
    UdpPort = 0x40,

    /// <summary>RAN Container (§5.2.2.4).</summary>
    RanContainer = 0x81,

    /// <summary>Long PDCP PDU Number, comprehension required (§5.2.2.2A, type 0x82).</summary>
    LongPdcpPduNumber = 0x82,

    /// <summary>Xw RAN Container (§5.2.2.5).</summary>
    XwRanContainer = 0x83,

    /// <summary>NR RAN Container (§5.2.2.6).</summary>
    NrRanContainer = 0x84,

    /// <summary>PDU Session Container (§5.2.2.7, TS 38.415): QFI, RQI, PPI per packet.</summary>
    PduSessionContainer = 0x85,

    /// <summary>PDCP PDU Number (§5.2.2.2).</summary>
    PdcpPduNumber = 0xC0,
}

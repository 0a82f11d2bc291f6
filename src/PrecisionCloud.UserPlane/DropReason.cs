namespace PrecisionCloud.UserPlane;

/// <summary>Why the fast path did not accept a packet. Every dropped packet is counted under one of these.</summary>
public enum DropReason : byte
{
    /// <summary>Not dropped.</summary>
    None = 0,

    /// <summary>Shorter than the 8-octet mandatory GTP header.</summary>
    TooShort,

    /// <summary>GTP version other than 1.</summary>
    UnsupportedVersion,

    /// <summary>Protocol Type 0: GTP' (charging), not GTP-U.</summary>
    NotGtpU,

    /// <summary>The header's Length field disagrees with the datagram (or leaves no room for the optional fields).</summary>
    LengthMismatch,

    /// <summary>An extension header runs past the end of the message.</summary>
    ExtensionHeaderTruncated,

    /// <summary>An extension header has length 0 or a length its type does not allow.</summary>
    ExtensionHeaderLengthInvalid,

    /// <summary>An unknown extension header whose type says the receiver must comprehend it (TS 29.281 §5.2.1).</summary>
    ExtensionHeaderNotComprehended,

    /// <summary>A message type GTP-U does not define.</summary>
    UnknownMessageType,

    /// <summary>An information element is malformed or of a type whose length cannot be known.</summary>
    MalformedInformationElement,

    /// <summary>A mandatory information element is missing.</summary>
    MissingInformationElement,

    /// <summary>The inner packet is shorter than its IP header.</summary>
    InnerPacketTooShort,

    /// <summary>The inner packet is neither IPv4 nor IPv6.</summary>
    InnerPacketUnsupportedVersion,

    /// <summary>The inner IPv4 header length is below 20 octets or past the packet.</summary>
    InnerPacketHeaderLengthInvalid,

    /// <summary>The inner packet's total or payload length disagrees with the bytes carried.</summary>
    InnerPacketLengthMismatch,

    /// <summary>The inner IPv6 extension header chain is truncated or too long to follow.</summary>
    InnerPacketExtensionChainInvalid,

    /// <summary>A G-PDU for a TEID no session has (an Error Indication goes back, rate-limited).</summary>
    UnknownTeid,

    /// <summary>A downlink packet for an address no session has.</summary>
    UnknownUeAddress,

    /// <summary>No PDR of the session matches the packet.</summary>
    NoMatchingPdr,

    /// <summary>A QER's gate is closed for the packet's direction.</summary>
    GateClosed,

    /// <summary>A QER's maximum bit rate is exceeded.</summary>
    RateExceeded,

    /// <summary>A URR's volume or time quota is used up.</summary>
    QuotaExhausted,

    /// <summary>The FAR says DROP.</summary>
    FarDrop,

    /// <summary>The FAR buffers and the session's buffer is full.</summary>
    BufferFull,

    /// <summary>The FAR forwards to a network instance with no N6 port.</summary>
    NoEgressPort,

    /// <summary>Not enough headroom before the packet for the outer headers.</summary>
    NoHeadroom,

    /// <summary>A steering rule drops the packet.</summary>
    SteeringDrop,

    /// <summary>No free slot in the batch for a duplicate.</summary>
    DuplicateNoSlot,
}

namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>Information elements used in GTP-U signalling messages (3GPP TS 29.281 §8, Table 8.1-1).</summary>
public enum GtpInformationElementType : byte
{
    /// <summary>Recovery (TV, 1 octet): the restart counter, 0 in GTP-U (§8.2).</summary>
    Recovery = 14,

    /// <summary>Tunnel Endpoint Identifier Data I (TV, 4 octets) (§8.3).</summary>
    TeidDataI = 16,

    /// <summary>GTP-U Peer Address (TLV, 4 or 16 octets) (§8.4).</summary>
    GtpUPeerAddress = 133,

    /// <summary>Extension Header Type List (type, 1-octet length, types) (§8.5).</summary>
    ExtensionHeaderTypeList = 141,

    /// <summary>Private Extension (TLV) (§8.6).</summary>
    PrivateExtension = 255,
}

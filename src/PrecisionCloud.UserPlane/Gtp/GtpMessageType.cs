namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>GTP-U message types (3GPP TS 29.281 §6.1, Table 6.1-1).</summary>
public enum GtpMessageType : byte
{
    /// <summary>Echo Request (§7.2.1): path liveness probe.</summary>
    EchoRequest = 1,

    /// <summary>Echo Response (§7.2.2), carrying the Recovery IE.</summary>
    EchoResponse = 2,

    /// <summary>Error Indication (§7.3.1): a G-PDU arrived for a TEID the receiver does not know.</summary>
    ErrorIndication = 26,

    /// <summary>Supported Extension Headers Notification (§7.2.3).</summary>
    SupportedExtensionHeadersNotification = 31,

    /// <summary>End Marker (§7.3.2): the last packet on a path before a path switch.</summary>
    EndMarker = 254,

    /// <summary>G-PDU: a user packet (T-PDU) in a tunnel.</summary>
    GPdu = 255,
}

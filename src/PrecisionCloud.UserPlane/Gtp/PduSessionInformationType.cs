namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>The PDU Type of a PDU Session Container (3GPP TS 38.415 §5.5.3.1).</summary>
public enum PduSessionInformationType : byte
{
    /// <summary>DL PDU SESSION INFORMATION (toward the UE).</summary>
    Downlink = 0,

    /// <summary>UL PDU SESSION INFORMATION (from the UE).</summary>
    Uplink = 1,
}

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>Report Type (3GPP TS 29.244 §8.2.21): what a Session Report Request reports.</summary>
[Flags]
public enum ReportTypes : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>DLDR: a Downlink Data Report.</summary>
    DownlinkData = 0x01,

    /// <summary>USAR: Usage Reports.</summary>
    Usage = 0x02,

    /// <summary>ERIR: an Error Indication Report.</summary>
    ErrorIndication = 0x04,

    /// <summary>UPIR: user plane inactivity.</summary>
    UserPlaneInactivity = 0x08,
}

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>PFCPSMReq-Flags (3GPP TS 29.244 §8.2.32).</summary>
[Flags]
public enum SessionModificationIndications : byte
{
    /// <summary>None set.</summary>
    None = 0,

    /// <summary>DROBU: drop the packets buffered for the session.</summary>
    DropBufferedPackets = 0x01,

    /// <summary>SNDEM: send End Markers on the old path (in Update Forwarding Parameters).</summary>
    SendEndMarkers = 0x02,

    /// <summary>QAURR: report every URR of the session in the response.</summary>
    QueryAllUrrs = 0x04,
}

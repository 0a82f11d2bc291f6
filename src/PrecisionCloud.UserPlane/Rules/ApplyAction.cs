namespace PrecisionCloud.UserPlane.Rules;

/// <summary>What a FAR does with packets (3GPP TS 29.244 §8.2.26).</summary>
[Flags]
public enum ApplyAction : ushort
{
    /// <summary>No action (invalid on its own).</summary>
    None = 0,

    /// <summary>DROP: discard.</summary>
    Drop = 0x0001,

    /// <summary>FORW: forward per the forwarding parameters.</summary>
    Forward = 0x0002,

    /// <summary>BUFF: buffer per the BAR.</summary>
    Buffer = 0x0004,

    /// <summary>NOCP: notify the CP function of the first buffered downlink packet.</summary>
    NotifyCp = 0x0008,

    /// <summary>DUPL: also send a copy per the duplicating parameters.</summary>
    Duplicate = 0x0010,

    /// <summary>BDPN: buffered downlink packet notification (octet 6, bit 2).</summary>
    BufferedDownlinkPacketNotification = 0x0200,

    /// <summary>DDPN: discarded downlink packet notification (octet 6, bit 3).</summary>
    DiscardedDownlinkPacketNotification = 0x0400,
}

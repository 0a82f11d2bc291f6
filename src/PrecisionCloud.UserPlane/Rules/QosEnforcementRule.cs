namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A QoS Enforcement Rule (3GPP TS 29.244 §5.2.1, §7.5.2.5): gates, bit rates and QFI marking.</summary>
public sealed record QosEnforcementRule
{
    /// <summary>The QER ID, unique in the session.</summary>
    public required uint Id { get; init; }

    /// <summary>Whether uplink packets may pass (gate status UL).</summary>
    public bool UplinkGateOpen { get; init; } = true;

    /// <summary>Whether downlink packets may pass (gate status DL).</summary>
    public bool DownlinkGateOpen { get; init; } = true;

    /// <summary>Uplink maximum bit rate in kbit/s (the PFCP unit), or none.</summary>
    public ulong? UplinkMbrKbps { get; init; }

    /// <summary>Downlink maximum bit rate in kbit/s, or none.</summary>
    public ulong? DownlinkMbrKbps { get; init; }

    /// <summary>Uplink guaranteed bit rate in kbit/s (informational to the fast path), or none.</summary>
    public ulong? UplinkGbrKbps { get; init; }

    /// <summary>Downlink guaranteed bit rate in kbit/s (informational to the fast path), or none.</summary>
    public ulong? DownlinkGbrKbps { get; init; }

    /// <summary>The QFI to put in the PDU Session Container of downlink packets, or none.</summary>
    public byte? Qfi { get; init; }

    /// <summary>Whether to set the Reflective QoS Indicator on downlink packets.</summary>
    public bool Rqi { get; init; }
}

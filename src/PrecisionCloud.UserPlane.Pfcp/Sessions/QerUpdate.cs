using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>A Create or Update QER's fields (3GPP TS 29.244 §7.5.2.5, §7.5.4.5): each one present replaces the rule's.</summary>
/// <param name="Id">The QER.</param>
public sealed record QerUpdate(uint Id)
{
    /// <summary>Gate Status: whether the uplink gate is open.</summary>
    public bool? UplinkGateOpen { get; init; }

    /// <summary>Gate Status: whether the downlink gate is open.</summary>
    public bool? DownlinkGateOpen { get; init; }

    /// <summary>MBR, uplink and downlink, in kbit/s.</summary>
    public (ulong Uplink, ulong Downlink)? Mbr { get; init; }

    /// <summary>GBR, uplink and downlink, in kbit/s.</summary>
    public (ulong Uplink, ulong Downlink)? Gbr { get; init; }

    /// <summary>The QFI to mark.</summary>
    public byte? Qfi { get; init; }

    /// <summary>The RQI to mark.</summary>
    public bool? Rqi { get; init; }

    /// <summary>The rule with these fields applied.</summary>
    /// <param name="rule">The rule as it stands.</param>
    /// <returns>The changed rule.</returns>
    public QosEnforcementRule ApplyTo(QosEnforcementRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Apply(rule, rule.Id);
    }

    /// <summary>The rule a Create QER with these fields makes, in one allocation.</summary>
    internal QosEnforcementRule ToRule() => Apply(Blank, Id);

    private QosEnforcementRule Apply(QosEnforcementRule rule, uint id) =>
        rule with
        {
            Id = id,
            UplinkGateOpen = UplinkGateOpen ?? rule.UplinkGateOpen,
            DownlinkGateOpen = DownlinkGateOpen ?? rule.DownlinkGateOpen,
            UplinkMbrKbps = Mbr is { } mbr ? mbr.Uplink : rule.UplinkMbrKbps,
            DownlinkMbrKbps = Mbr is { } mbrDown ? mbrDown.Downlink : rule.DownlinkMbrKbps,
            UplinkGbrKbps = Gbr is { } gbr ? gbr.Uplink : rule.UplinkGbrKbps,
            DownlinkGbrKbps = Gbr is { } gbrDown ? gbrDown.Downlink : rule.DownlinkGbrKbps,
            Qfi = Qfi ?? rule.Qfi,
            Rqi = Rqi ?? rule.Rqi,
        };

    private static readonly QosEnforcementRule Blank = new() { Id = 0 };
}

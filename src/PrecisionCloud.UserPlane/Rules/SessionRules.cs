namespace PrecisionCloud.UserPlane.Rules;

/// <summary>
/// The whole rule set of one PFCP session. The fast path installs a rule set as a unit: a packet sees the whole
/// old set or the whole new one, never a mix.
/// </summary>
public sealed record SessionRules
{
    /// <summary>The session's local SEID.</summary>
    public required ulong Seid { get; init; }

    /// <summary>The PDRs.</summary>
    public IReadOnlyList<PacketDetectionRule> Pdrs { get; init; } = [];

    /// <summary>The FARs.</summary>
    public IReadOnlyList<ForwardingActionRule> Fars { get; init; } = [];

    /// <summary>The QERs.</summary>
    public IReadOnlyList<QosEnforcementRule> Qers { get; init; } = [];

    /// <summary>The URRs.</summary>
    public IReadOnlyList<UsageReportingRule> Urrs { get; init; } = [];

    /// <summary>The BARs.</summary>
    public IReadOnlyList<BufferingActionRule> Bars { get; init; } = [];
}

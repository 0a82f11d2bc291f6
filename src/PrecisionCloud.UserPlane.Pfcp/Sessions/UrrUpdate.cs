using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>A Create or Update URR's fields (3GPP TS 29.244 §7.5.2.4, §7.5.4.4): each one present replaces the rule's.</summary>
/// <param name="Id">The URR.</param>
public sealed record UrrUpdate(uint Id)
{
    /// <summary>A new measurement method.</summary>
    public MeasurementMethod? MeasurementMethod { get; init; }

    /// <summary>New reporting triggers.</summary>
    public ReportingTriggers? ReportingTriggers { get; init; }

    /// <summary>A new measurement period.</summary>
    public TimeSpan? MeasurementPeriod { get; init; }

    /// <summary>A new volume threshold.</summary>
    public VolumeLimit? VolumeThreshold { get; init; }

    /// <summary>A new volume quota.</summary>
    public VolumeLimit? VolumeQuota { get; init; }

    /// <summary>A new time threshold.</summary>
    public TimeSpan? TimeThreshold { get; init; }

    /// <summary>A new time quota.</summary>
    public TimeSpan? TimeQuota { get; init; }

    /// <summary>A new inactivity detection time.</summary>
    public TimeSpan? InactivityDetectionTime { get; init; }

    /// <summary>The rule with these fields applied.</summary>
    /// <param name="rule">The rule as it stands.</param>
    /// <returns>The changed rule.</returns>
    public UsageReportingRule ApplyTo(UsageReportingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Apply(rule, rule.Id);
    }

    /// <summary>The rule a Create URR with these fields makes, in one allocation.</summary>
    internal UsageReportingRule ToRule() => Apply(Blank, Id);

    private UsageReportingRule Apply(UsageReportingRule rule, uint id) =>
        rule with
        {
            Id = id,
            MeasurementMethod = MeasurementMethod ?? rule.MeasurementMethod,
            ReportingTriggers = ReportingTriggers ?? rule.ReportingTriggers,
            MeasurementPeriod = MeasurementPeriod ?? rule.MeasurementPeriod,
            VolumeThreshold = VolumeThreshold ?? rule.VolumeThreshold,
            VolumeQuota = VolumeQuota ?? rule.VolumeQuota,
            TimeThreshold = TimeThreshold ?? rule.TimeThreshold,
            TimeQuota = TimeQuota ?? rule.TimeQuota,
            InactivityDetectionTime = InactivityDetectionTime ?? rule.InactivityDetectionTime,
        };

    private static readonly UsageReportingRule Blank = new() { Id = 0 };
}

namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A Usage Reporting Rule (3GPP TS 29.244 §5.2.2, §7.5.2.4).</summary>
public sealed record UsageReportingRule
{
    /// <summary>The URR ID, unique in the session.</summary>
    public required uint Id { get; init; }

    /// <summary>What to measure.</summary>
    public MeasurementMethod MeasurementMethod { get; init; } = MeasurementMethod.Volume;

    /// <summary>When to report.</summary>
    public ReportingTriggers ReportingTriggers { get; init; }

    /// <summary>The period of periodic reports.</summary>
    public TimeSpan? MeasurementPeriod { get; init; }

    /// <summary>Report when the volume reaches this.</summary>
    public VolumeLimit? VolumeThreshold { get; init; }

    /// <summary>Report and stop forwarding when the volume reaches this.</summary>
    public VolumeLimit? VolumeQuota { get; init; }

    /// <summary>Report when the measured duration reaches this.</summary>
    public TimeSpan? TimeThreshold { get; init; }

    /// <summary>Report and stop forwarding when the measured duration reaches this.</summary>
    public TimeSpan? TimeQuota { get; init; }

    /// <summary>Idle time after which the duration stops counting (and STOPT fires).</summary>
    public TimeSpan? InactivityDetectionTime { get; init; }
}

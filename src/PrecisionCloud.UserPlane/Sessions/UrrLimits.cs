using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// What a URR's measurement needs of its rule, held inline in the meter (a million sessions would otherwise keep
/// a rule record and its volume limits each): absent durations and volumes are sentinels rather than nullable
/// fields or objects.
/// </summary>
internal readonly struct UrrLimits
{
    private const long NoDuration = long.MinValue;
    private readonly long _measurementPeriod;
    private readonly long _timeThreshold;
    private readonly long _timeQuota;
    private readonly long _inactivityDetectionTime;

    public UrrLimits(UsageReportingRule rule)
    {
        Id = rule.Id;
        ReportingTriggers = rule.ReportingTriggers;
        _measurementPeriod = Ticks(rule.MeasurementPeriod);
        _timeThreshold = Ticks(rule.TimeThreshold);
        _timeQuota = Ticks(rule.TimeQuota);
        _inactivityDetectionTime = Ticks(rule.InactivityDetectionTime);
        VolumeThreshold = new VolumeBound(rule.VolumeThreshold);
        VolumeQuota = new VolumeBound(rule.VolumeQuota);
    }

    public uint Id { get; }

    public ReportingTriggers ReportingTriggers { get; }

    public TimeSpan? MeasurementPeriod => Duration(_measurementPeriod);

    public TimeSpan? TimeThreshold => Duration(_timeThreshold);

    public TimeSpan? TimeQuota => Duration(_timeQuota);

    public TimeSpan? InactivityDetectionTime => Duration(_inactivityDetectionTime);

    public VolumeBound VolumeThreshold { get; }

    public VolumeBound VolumeQuota { get; }

    private static long Ticks(TimeSpan? duration) => duration is { } value ? value.Ticks : NoDuration;

    private static TimeSpan? Duration(long ticks) => ticks == NoDuration ? null : TimeSpan.FromTicks(ticks);
}

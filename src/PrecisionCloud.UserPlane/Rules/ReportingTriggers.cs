namespace PrecisionCloud.UserPlane.Rules;

/// <summary>When a URR reports (3GPP TS 29.244 §8.2.19), the triggers this user plane raises.</summary>
[Flags]
public enum ReportingTriggers : ushort
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>PERIO: every measurement period.</summary>
    PeriodicReporting = 0x0001,

    /// <summary>VOLTH: the volume threshold is reached.</summary>
    VolumeThreshold = 0x0002,

    /// <summary>TIMTH: the time threshold is reached.</summary>
    TimeThreshold = 0x0004,

    /// <summary>START: traffic starts.</summary>
    StartOfTraffic = 0x0010,

    /// <summary>STOPT: traffic stops (after the inactivity detection time).</summary>
    StopOfTraffic = 0x0020,

    /// <summary>VOLQU: the volume quota is used up.</summary>
    VolumeQuota = 0x0100,

    /// <summary>TIMQU: the time quota is used up.</summary>
    TimeQuota = 0x0200,
}

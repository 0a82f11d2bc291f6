namespace PrecisionCloud.UserPlane.Usage;

/// <summary>Why a usage report was made (3GPP TS 29.244 §8.2.41, Usage Report Trigger), with the IE's bit values (octet 5 low, octet 6 high).</summary>
[Flags]
public enum UsageReportTriggers : uint
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>PERIO: the measurement period elapsed.</summary>
    PeriodicReporting = 0x0001,

    /// <summary>VOLTH: the volume threshold was reached.</summary>
    VolumeThreshold = 0x0002,

    /// <summary>TIMTH: the time threshold was reached.</summary>
    TimeThreshold = 0x0004,

    /// <summary>START: traffic started.</summary>
    StartOfTraffic = 0x0010,

    /// <summary>STOPT: traffic stopped.</summary>
    StopOfTraffic = 0x0020,

    /// <summary>VOLQU: the volume quota was used up; forwarding stopped.</summary>
    VolumeQuota = 0x0100,

    /// <summary>TIMQU: the time quota was used up; forwarding stopped.</summary>
    TimeQuota = 0x0200,

    /// <summary>IMMER: asked for by a query.</summary>
    ImmediateReport = 0x0080,

    /// <summary>TERMR: the session (or URR) ended.</summary>
    TerminationReport = 0x0800,
}

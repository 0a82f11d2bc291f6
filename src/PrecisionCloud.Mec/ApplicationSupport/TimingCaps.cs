namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The platform's timing capabilities (ETSI GS MEC 011 clause 7.1.2.4).</summary>
public sealed record TimingCaps
{
    /// <summary>When the answer was made.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>NTP servers the platform offers.</summary>
    public IReadOnlyList<NtpServer>? NtpServers { get; init; }

    /// <summary>PTP masters the platform offers.</summary>
    public IReadOnlyList<PtpMaster>? PtpMasters { get; init; }
}

namespace PrecisionCloud.UserPlane.Usage;

/// <summary>
/// What a URR measured since its previous report (3GPP TS 29.244 §7.5.8.3, Usage Report): volumes and packets per
/// direction, the duration, the period covered, and why the report was made.
/// </summary>
public sealed record UsageReport
{
    /// <summary>The session's local SEID.</summary>
    public required ulong Seid { get; init; }

    /// <summary>The URR ID.</summary>
    public required uint UrrId { get; init; }

    /// <summary>The report's sequence number for this URR (UR-SEQN), from 0.</summary>
    public required uint Sequence { get; init; }

    /// <summary>Why the report was made.</summary>
    public required UsageReportTriggers Trigger { get; init; }

    /// <summary>The start of the period covered.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>The end of the period covered.</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Uplink bytes (IP packets after decapsulation).</summary>
    public ulong UplinkBytes { get; init; }

    /// <summary>Downlink bytes (IP packets before encapsulation).</summary>
    public ulong DownlinkBytes { get; init; }

    /// <summary>Uplink packets.</summary>
    public ulong UplinkPackets { get; init; }

    /// <summary>Downlink packets.</summary>
    public ulong DownlinkPackets { get; init; }

    /// <summary>Total bytes.</summary>
    public ulong TotalBytes => UplinkBytes + DownlinkBytes;

    /// <summary>The time traffic was flowing in the period (duration measurement).</summary>
    public TimeSpan Duration { get; init; }
}

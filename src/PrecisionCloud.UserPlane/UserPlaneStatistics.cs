namespace PrecisionCloud.UserPlane;

/// <summary>Counters summed over every pipeline.</summary>
public sealed record UserPlaneStatistics
{
    /// <summary>Datagrams received on N3/N9.</summary>
    public long N3ReceivedPackets { get; init; }

    /// <summary>Bytes received on N3/N9.</summary>
    public long N3ReceivedBytes { get; init; }

    /// <summary>Datagrams sent on N3/N9 (tunnelled packets and signalling answers).</summary>
    public long N3SentPackets { get; init; }

    /// <summary>Bytes sent on N3/N9.</summary>
    public long N3SentBytes { get; init; }

    /// <summary>Packets received on N6 ports.</summary>
    public long N6ReceivedPackets { get; init; }

    /// <summary>Bytes received on N6 ports.</summary>
    public long N6ReceivedBytes { get; init; }

    /// <summary>Packets sent on N6 ports.</summary>
    public long N6SentPackets { get; init; }

    /// <summary>Bytes sent on N6 ports.</summary>
    public long N6SentBytes { get; init; }

    /// <summary>Uplink packets that matched a PDR.</summary>
    public long UplinkPdrHits { get; init; }

    /// <summary>Downlink packets that matched a PDR.</summary>
    public long DownlinkPdrHits { get; init; }

    /// <summary>Packets that matched a steering rule.</summary>
    public long SteeringHits { get; init; }

    /// <summary>Echo Requests answered.</summary>
    public long EchoRequests { get; init; }

    /// <summary>Error Indications sent.</summary>
    public long ErrorIndicationsSent { get; init; }

    /// <summary>Dropped packets by reason (reasons with none are absent).</summary>
    public IReadOnlyDictionary<DropReason, long> Drops { get; init; } = new Dictionary<DropReason, long>();
}

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>The packet and byte counters each pipeline keeps.</summary>
internal enum CounterId
{
    N3ReceivedPackets,
    N3ReceivedBytes,
    N3SentPackets,
    N3SentBytes,
    N6ReceivedPackets,
    N6ReceivedBytes,
    N6SentPackets,
    N6SentBytes,
    UplinkPdrHits,
    DownlinkPdrHits,
    SteeringHits,
    EchoRequests,
    ErrorIndicationsSent,
    Count,
}

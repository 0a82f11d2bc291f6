using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A QER as the fast path applies it, with its rate buckets (kept across rule changes while the rate stays).</summary>
internal sealed class QerState
{
    private TokenBucket _uplinkBucket;
    private TokenBucket _downlinkBucket;

    public QerState(QosEnforcementRule rule, QerState? previous, TimeSpan burst, long nowTicks)
    {
        Id = rule.Id;
        UplinkGateOpen = rule.UplinkGateOpen;
        DownlinkGateOpen = rule.DownlinkGateOpen;
        Rqi = rule.Rqi;
        PolicesUplink = Bucket(rule.UplinkMbrKbps, previous is { PolicesUplink: true } ? previous._uplinkBucket : null, burst, nowTicks, out _uplinkBucket);
        PolicesDownlink = Bucket(rule.DownlinkMbrKbps, previous is { PolicesDownlink: true } ? previous._downlinkBucket : null, burst, nowTicks, out _downlinkBucket);
        Qfi = rule.Qfi is { } qfi ? qfi : -1;
    }

    public uint Id { get; }

    public bool UplinkGateOpen { get; }

    public bool DownlinkGateOpen { get; }

    /// <summary>The reflective QoS indication to mark downlink packets with.</summary>
    public bool Rqi { get; }

    /// <summary>Whether an uplink MBR is enforced.</summary>
    public bool PolicesUplink { get; }

    /// <summary>Whether a downlink MBR is enforced.</summary>
    public bool PolicesDownlink { get; }

    /// <summary>The QFI to mark downlink packets with, or -1.</summary>
    public int Qfi { get; }

    /// <summary>The enforced rate of one direction in kbit/s, or none.</summary>
    public ulong? RateKbps(bool uplink) => (uplink ? PolicesUplink : PolicesDownlink) ? (uplink ? _uplinkBucket : _downlinkBucket).RateKbps : null;

    /// <summary>Takes a packet's bytes from the bucket of its direction (which must be policed); false when it has too few.</summary>
    public bool TryConsume(bool uplink, int bytes, long nowTicks) =>
        uplink ? _uplinkBucket.TryConsume(bytes, nowTicks) : _downlinkBucket.TryConsume(bytes, nowTicks);

    /// <summary>
    /// A bucket for the rate, or none; the previous version's, with the tokens it holds, while the rate stays. Bytes
    /// a worker takes from the previous version while this one is built are not carried over (at most one burst).
    /// </summary>
    private static bool Bucket(ulong? kbps, TokenBucket? previous, TimeSpan burst, long nowTicks, out TokenBucket bucket)
    {
        if (kbps is not { } rate || rate == 0)
        {
            bucket = default;
            return false;
        }

        bucket = previous is { } kept && kept.RateKbps == rate ? kept : new TokenBucket(rate, burst, nowTicks);
        return true;
    }
}

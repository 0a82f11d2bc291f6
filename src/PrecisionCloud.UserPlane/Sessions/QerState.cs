using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A QER as the fast path applies it, with its rate buckets (kept across rule changes while the rate stays).</summary>
internal sealed class QerState
{
    public QerState(QosEnforcementRule rule, QerState? previous, TimeSpan burst, long nowTicks)
    {
        Id = rule.Id;
        UplinkGateOpen = rule.UplinkGateOpen;
        DownlinkGateOpen = rule.DownlinkGateOpen;
        Rqi = rule.Rqi;
        UplinkBucket = Bucket(rule.UplinkMbrKbps, previous?.UplinkBucket, burst, nowTicks);
        DownlinkBucket = Bucket(rule.DownlinkMbrKbps, previous?.DownlinkBucket, burst, nowTicks);
        Qfi = rule.Qfi is { } qfi ? qfi : -1;
    }

    public uint Id { get; }

    public bool UplinkGateOpen { get; }

    public bool DownlinkGateOpen { get; }

    /// <summary>The reflective QoS indication to mark downlink packets with.</summary>
    public bool Rqi { get; }

    public TokenBucket? UplinkBucket { get; }

    public TokenBucket? DownlinkBucket { get; }

    /// <summary>The QFI to mark downlink packets with, or -1.</summary>
    public int Qfi { get; }

    private static TokenBucket? Bucket(ulong? kbps, TokenBucket? previous, TimeSpan burst, long nowTicks) =>
        kbps is not { } rate || rate == 0 ? null : previous is not null && previous.RateKbps == rate ? previous : new TokenBucket(rate, burst, nowTicks);
}

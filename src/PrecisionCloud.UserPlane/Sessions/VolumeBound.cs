using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A <see cref="VolumeLimit"/> as plain values: <see cref="ulong.MaxValue"/> where it sets no bound.</summary>
internal readonly struct VolumeBound
{
    private readonly ulong _total;
    private readonly ulong _uplink;
    private readonly ulong _downlink;

    public VolumeBound(VolumeLimit? limit)
    {
        _total = limit?.TotalBytes ?? ulong.MaxValue;
        _uplink = limit?.UplinkBytes ?? ulong.MaxValue;
        _downlink = limit?.DownlinkBytes ?? ulong.MaxValue;
        IsSet = limit is not null;
    }

    /// <summary>Whether the rule sets this limit at all.</summary>
    public bool IsSet { get; }

    /// <summary>The smallest of the bounds (what total volume could first reach one).</summary>
    public ulong Smallest => Math.Min(_total, Math.Min(_uplink, _downlink));

    /// <summary>Whether any bound is reached (the same test as <see cref="VolumeLimit.IsReached"/>).</summary>
    public bool IsReached(ulong uplink, ulong downlink) =>
        IsSet && ((_total != ulong.MaxValue && uplink + downlink >= _total) || (_uplink != ulong.MaxValue && uplink >= _uplink) || (_downlink != ulong.MaxValue && downlink >= _downlink));
}

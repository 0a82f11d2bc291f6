namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A volume threshold or quota in bytes (3GPP TS 29.244 §8.2.13, §8.2.50); absent parts do not apply.</summary>
/// <param name="TotalBytes">Uplink plus downlink.</param>
/// <param name="UplinkBytes">Uplink only.</param>
/// <param name="DownlinkBytes">Downlink only.</param>
public sealed record VolumeLimit(ulong? TotalBytes = null, ulong? UplinkBytes = null, ulong? DownlinkBytes = null)
{
    /// <summary>Whether measured volumes reach the limit.</summary>
    /// <param name="uplink">Uplink bytes.</param>
    /// <param name="downlink">Downlink bytes.</param>
    /// <returns><see langword="true"/> when any present part is reached.</returns>
    public bool IsReached(ulong uplink, ulong downlink) =>
        (TotalBytes is { } total && uplink + downlink >= total)
        || (UplinkBytes is { } up && uplink >= up)
        || (DownlinkBytes is { } down && downlink >= down);
}

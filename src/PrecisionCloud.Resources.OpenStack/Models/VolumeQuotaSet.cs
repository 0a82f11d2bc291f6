namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>Cinder quotas of a project; <see langword="null"/> leaves a value as it is, -1 is unlimited.</summary>
/// <param name="Volumes">Volumes.</param>
/// <param name="Gigabytes">GiB of volumes and snapshots.</param>
/// <param name="Snapshots">Snapshots.</param>
public sealed record VolumeQuotaSet(long? Volumes = null, long? Gigabytes = null, long? Snapshots = null);

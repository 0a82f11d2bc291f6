using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A volume attached to a workload, resolved for its provider.</summary>
/// <param name="Mount">Where and how it is mounted.</param>
/// <param name="Volume">The volume's spec.</param>
/// <param name="VolumeUid">The volume's uid.</param>
/// <param name="BackendId">The volume's id at the provider.</param>
public sealed record AttachedVolume(VolumeMount Mount, VolumeSpec Volume, string VolumeUid, string BackendId);

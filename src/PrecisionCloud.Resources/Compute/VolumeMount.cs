namespace PrecisionCloud.Resources.Compute;

/// <summary>A volume attached to a workload.</summary>
/// <param name="Volume">The volume's name in the workload's tenant.</param>
/// <param name="MountPath">Where it appears in a container (absolute path); for a VM, a hint for the device.</param>
/// <param name="ReadOnly">Whether the workload only reads it.</param>
public sealed record VolumeMount(string Volume, string MountPath, bool ReadOnly = false);

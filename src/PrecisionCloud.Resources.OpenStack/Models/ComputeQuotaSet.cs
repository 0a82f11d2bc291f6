namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>Nova quotas of a project; <see langword="null"/> leaves a value as it is, -1 is unlimited.</summary>
/// <param name="Instances">Servers.</param>
/// <param name="Cores">Virtual CPUs.</param>
/// <param name="RamMiB">Memory in MiB.</param>
/// <param name="ServerGroups">Server groups.</param>
public sealed record ComputeQuotaSet(long? Instances = null, long? Cores = null, long? RamMiB = null, long? ServerGroups = null);

namespace PrecisionCloud.Resources.Compute;

/// <summary>A network a workload attaches to.</summary>
/// <param name="Network">The network's name in the workload's tenant.</param>
/// <param name="FixedAddress">A fixed IPv4 address in one of its subnets, or <see langword="null"/> to have one assigned.</param>
public sealed record NetworkAttachment(string Network, string? FixedAddress = null);

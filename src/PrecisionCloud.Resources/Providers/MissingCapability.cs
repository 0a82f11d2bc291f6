namespace PrecisionCloud.Resources.Providers;

/// <summary>A feature a provider cannot offer on this host.</summary>
/// <param name="Feature">The feature (<c>CpuLimits</c>, <c>SecurityPolicies</c>, <c>Kind:Container</c>).</param>
/// <param name="Reason">What the host lacks, precisely enough to fix it.</param>
public sealed record MissingCapability(string Feature, string Reason);

using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A node (a host, a hypervisor, a bare-metal machine, a Kubernetes node) a provider can place workloads on.</summary>
public sealed record ProviderNode
{
    /// <summary>The node's name, unique within its provider.</summary>
    public required string Name { get; init; }

    /// <summary>The site it is at.</summary>
    public string Site { get; init; } = "default";

    /// <summary>Its labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The workload kinds it runs (a subset of its provider's).</summary>
    public IReadOnlyCollection<WorkloadKind> Kinds { get; init; } = [];

    /// <summary>What it offers in all.</summary>
    public NodeCapacity Capacity { get; init; } = new();

    /// <summary>The strictest latency class it serves.</summary>
    public LatencyClass LatencyClass { get; init; } = LatencyClass.Regional;

    /// <summary>Whether new workloads may be placed on it.</summary>
    public bool Schedulable { get; init; } = true;
}

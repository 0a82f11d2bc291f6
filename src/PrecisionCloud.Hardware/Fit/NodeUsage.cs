using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>
/// What is already promised to workloads on a node, subtracted from its capacity before a demand is matched.
/// Usage is node-wide: it is not attributed to NUMA nodes, so NUMA locality is judged on the topology alone.
/// </summary>
public sealed record NodeUsage
{
    /// <summary>Nothing in use.</summary>
    public static NodeUsage None { get; } = new();

    /// <summary>Logical CPUs in use.</summary>
    public int VCpus { get; init; }

    /// <summary>Memory in use, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>2 MiB hugepages in use.</summary>
    public long HugePages2MiB { get; init; }

    /// <summary>1 GiB hugepages in use.</summary>
    public long HugePages1GiB { get; init; }

    /// <summary>Accelerators in use, by kind.</summary>
    public IReadOnlyDictionary<AcceleratorKind, int> Accelerators { get; init; } = new Dictionary<AcceleratorKind, int>();

    /// <summary>NIC throughput in use, in Gbit/s.</summary>
    public double NicThroughputGbps { get; init; }
}

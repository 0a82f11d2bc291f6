using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Resources.Providers;

/// <summary>What a node offers to workloads.</summary>
public sealed record NodeCapacity
{
    /// <summary>Virtual CPUs.</summary>
    public double VCpus { get; init; }

    /// <summary>Memory in MiB.</summary>
    public long MemoryMiB { get; init; }

    /// <summary>Local disk in GiB.</summary>
    public long DiskGiB { get; init; }

    /// <summary>Hugepage memory in MiB.</summary>
    public long HugePagesMiB { get; init; }

    /// <summary>Accelerators by kind.</summary>
    public IReadOnlyDictionary<AcceleratorKind, int> Accelerators { get; init; } = new Dictionary<AcceleratorKind, int>();

    /// <summary>NIC throughput in Gbit/s.</summary>
    public double NicThroughputGbps { get; init; }
}

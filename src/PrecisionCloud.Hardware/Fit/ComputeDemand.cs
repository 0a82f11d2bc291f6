using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>
/// What a workload needs from a node. Zero (or empty) fields ask for nothing. Matched against inventories by
/// <see cref="FitMatcher"/>.
/// </summary>
public sealed record ComputeDemand
{
    /// <summary>Logical CPUs.</summary>
    public int VCpus { get; init; }

    /// <summary>Memory in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>2 MiB hugepages, in pages.</summary>
    public long HugePages2MiB { get; init; }

    /// <summary>1 GiB hugepages, in pages.</summary>
    public long HugePages1GiB { get; init; }

    /// <summary>Accelerators by kind.</summary>
    public IReadOnlyList<AcceleratorDemand> Accelerators { get; init; } = [];

    /// <summary>Throughput of physical NICs that are up, in Gbit/s.</summary>
    public double NicThroughputGbps { get; init; }

    /// <summary>ISA features every CPU of the node must have.</summary>
    public IsaFeatures RequiredIsa { get; init; }

    /// <summary>Whether everything should sit on one NUMA node.</summary>
    public NumaLocality NumaLocality { get; init; }
}

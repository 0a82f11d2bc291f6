using PrecisionCloud.Hardware.Fit;

namespace PrecisionCloud.Resources.Compute;

/// <summary>What one instance (replica) of a workload needs.</summary>
public sealed record WorkloadResources
{
    /// <summary>Virtual CPUs; fractions are allowed for containers (0.25 is a quarter of a CPU).</summary>
    public double VCpus { get; set; } = 1;

    /// <summary>Memory in MiB.</summary>
    public long MemoryMiB { get; set; } = 256;

    /// <summary>Local disk in GiB (a VM's root disk, a container's writable layer budget).</summary>
    public long DiskGiB { get; init; }

    /// <summary>Hugepage memory in MiB.</summary>
    public long HugePagesMiB { get; init; }

    /// <summary>Accelerators by kind and count.</summary>
    public IReadOnlyList<AcceleratorDemand> Accelerators { get; set; } = [];

    /// <summary>Whether accelerators must be passed through whole (PCI passthrough) rather than shared.</summary>
    public bool AcceleratorPassthrough { get; init; }

    /// <summary>NIC throughput in Gbit/s the workload needs reserved.</summary>
    public double NicThroughputGbps { get; init; }

    /// <summary>Whether the workload needs dedicated (pinned, not shared) CPUs and memory for predictable performance.</summary>
    public bool DedicatedPerformance { get; init; }

    /// <summary>Whether the workload needs its own kernel (kernel modules, a different OS, a custom kernel).</summary>
    public bool OwnKernel { get; init; }
}

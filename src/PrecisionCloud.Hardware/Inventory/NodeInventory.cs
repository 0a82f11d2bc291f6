namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// What one node has: processors, memory, hugepages, NUMA topology, NICs and accelerators, and the
/// form factor they add up to. Fields that could not be read are <see langword="null"/> (unknown) and
/// the reason is in <see cref="Warnings"/>.
/// </summary>
public sealed record NodeInventory
{
    /// <summary>The node's name (its host name unless configured).</summary>
    public required string NodeName { get; init; }

    /// <summary>When the inventory was read.</summary>
    public DateTimeOffset TakenAt { get; init; }

    /// <summary>The processors.</summary>
    public CpuInventory Cpu { get; init; } = new();

    /// <summary>Main memory.</summary>
    public MemoryInventory Memory { get; init; } = new();

    /// <summary>The node-wide hugepage pools.</summary>
    public HugePageInventory HugePages { get; init; } = HugePageInventory.Empty;

    /// <summary>The NUMA nodes; empty when the kernel exposes no NUMA topology (the node is uniform).</summary>
    public IReadOnlyList<NumaNodeInventory> NumaNodes { get; init; } = [];

    /// <summary>Network interfaces, physical and virtual.</summary>
    public IReadOnlyList<NicInventory> Nics { get; init; } = [];

    /// <summary>PCI accelerators: GPUs, FPGAs, SmartNICs/DPUs and offload engines.</summary>
    public IReadOnlyList<AcceleratorInventory> Accelerators { get; init; } = [];

    /// <summary>The hardware shape of the node.</summary>
    public FormFactor FormFactor { get; init; }

    /// <summary>Why the node has its form factor, in words.</summary>
    public string FormFactorReason { get; init; } = string.Empty;

    /// <summary>What could not be read, one line each; empty when everything was read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The number of accelerators of one kind.</summary>
    /// <param name="kind">The kind to count.</param>
    /// <returns>The count, 0 when the node has none.</returns>
    public int CountAccelerators(AcceleratorKind kind)
    {
        var count = 0;
        foreach (var accelerator in Accelerators)
        {
            if (accelerator.Kind == kind)
            {
                count++;
            }
        }

        return count;
    }
}

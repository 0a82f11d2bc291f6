namespace PrecisionCloud.Hardware.Inventory;

/// <summary>One NUMA node, from <c>/sys/devices/system/node/node&lt;N&gt;/</c>.</summary>
public sealed record NumaNodeInventory
{
    /// <summary>The node number.</summary>
    public int Id { get; init; }

    /// <summary>The logical CPUs of this node (<c>cpulist</c>).</summary>
    public IReadOnlyList<int> Cpus { get; init; } = [];

    /// <summary>Memory of this node (<c>MemTotal</c> in the node's <c>meminfo</c>), in bytes.</summary>
    public long? MemoryTotalBytes { get; init; }

    /// <summary>Free memory of this node (<c>MemFree</c> in the node's <c>meminfo</c>), in bytes.</summary>
    public long? MemoryFreeBytes { get; init; }

    /// <summary>The hugepage pools of this node.</summary>
    public HugePageInventory HugePages { get; init; } = HugePageInventory.Empty;
}

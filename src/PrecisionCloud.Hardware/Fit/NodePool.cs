using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>A set of node inventories that demands are placed on together, such as a regional server pool.</summary>
public sealed class NodePool
{
    /// <summary>Creates a pool.</summary>
    /// <param name="name">The pool's name.</param>
    /// <param name="nodes">Its nodes; node names must be unique.</param>
    /// <exception cref="ArgumentException">Two nodes share a name.</exception>
    public NodePool(string name, IEnumerable<NodeInventory> nodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nodes);
        Name = name;
        Nodes = [.. nodes];
        var duplicate = Nodes.GroupBy(n => n.NodeName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Node name '{duplicate.Key}' appears {duplicate.Count()} times in pool '{name}'.", nameof(nodes));
        }
    }

    /// <summary>The pool's name.</summary>
    public string Name { get; }

    /// <summary>The pool's nodes.</summary>
    public IReadOnlyList<NodeInventory> Nodes { get; }

    /// <summary>Logical CPUs over all nodes (unknown counts count as zero).</summary>
    public int LogicalCpus => Nodes.Sum(n => n.Cpu.LogicalCpus ?? 0);

    /// <summary>Memory over all nodes, in bytes (unknown counts count as zero).</summary>
    public long MemoryBytes => Nodes.Sum(n => n.Memory.TotalBytes ?? 0);

    /// <summary>Accelerators of one kind over all nodes.</summary>
    /// <param name="kind">The kind to count.</param>
    /// <returns>The count.</returns>
    public int CountAccelerators(AcceleratorKind kind) => Nodes.Sum(n => n.CountAccelerators(kind));

    /// <summary>Matches a demand against every node of the pool.</summary>
    /// <param name="demand">What is needed.</param>
    /// <param name="usage">What is already promised per node name.</param>
    /// <returns>The fitting nodes best first, and the others with their reasons.</returns>
    public FitResult Match(ComputeDemand demand, IReadOnlyDictionary<string, NodeUsage>? usage = null) => FitMatcher.Match(demand, Nodes, usage);
}

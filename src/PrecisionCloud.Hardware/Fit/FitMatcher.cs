using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>
/// Matches a <see cref="ComputeDemand"/> against node inventories. A node fits when every field of the demand
/// is met by its capacity less its <see cref="NodeUsage"/>; every field it misses gets a <see cref="FitReason"/>.
/// Fitting nodes are scored: tight packing of CPUs and memory (up to 50 points, so large nodes stay free for
/// large demands), the whole demand on one NUMA node when locality is asked for (20), and minus 10 for every
/// kind of accelerator the node has but the demand does not use (scarce hardware is kept for those that need it).
/// </summary>
public static class FitMatcher
{
    /// <summary>Points for packing CPUs and memory with nothing left over.</summary>
    public const double PackingPoints = 50;

    /// <summary>Points for holding the whole demand in one NUMA node when locality is asked for.</summary>
    public const double NumaLocalPoints = 20;

    /// <summary>Points taken for each accelerator kind the node has and the demand does not use.</summary>
    public const double UnusedAcceleratorPenalty = 10;

    /// <summary>Evaluates one node.</summary>
    /// <param name="demand">What is needed.</param>
    /// <param name="node">The node's inventory.</param>
    /// <param name="usage">What is already promised on the node; nothing by default.</param>
    /// <returns>Whether it fits, why not, and its score.</returns>
    public static NodeFit Evaluate(ComputeDemand demand, NodeInventory node, NodeUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(node);
        usage ??= NodeUsage.None;

        var failures = new List<FitReason>();
        CheckCpus(demand, node, usage, failures);
        CheckMemory(demand, node, usage, failures);
        CheckHugePages(DemandField.HugePages2MiB, "2 MiB", demand.HugePages2MiB, node.HugePages.TwoMiB, usage.HugePages2MiB, failures);
        CheckHugePages(DemandField.HugePages1GiB, "1 GiB", demand.HugePages1GiB, node.HugePages.OneGiB, usage.HugePages1GiB, failures);
        CheckAccelerators(demand, node, usage, failures);
        CheckNic(demand, node, usage, failures);
        CheckIsa(demand, node, failures);

        int? numaNode = null;
        var numaLocal = false;
        if (demand.NumaLocality != NumaLocality.None)
        {
            numaLocal = TryFindNumaNode(demand, node, out numaNode, out var numaFailure);
            if (!numaLocal && demand.NumaLocality == NumaLocality.Required)
            {
                failures.Add(new FitReason(DemandField.NumaLocality, numaFailure));
            }
        }

        if (failures.Count > 0)
        {
            return new NodeFit { Node = node, Failures = failures };
        }

        var reasons = Score(demand, node, usage, numaLocal, numaNode);
        return new NodeFit
        {
            Node = node,
            Score = Math.Round(reasons.Sum(r => r.Points), 3),
            ScoreReasons = reasons,
            NumaNode = numaNode,
        };
    }

    /// <summary>Evaluates many nodes: the fitting ones best first, the others with their reasons.</summary>
    /// <param name="demand">What is needed.</param>
    /// <param name="nodes">The candidate nodes.</param>
    /// <param name="usage">What is already promised per node, by <see cref="NodeInventory.NodeName"/>; nothing when absent.</param>
    /// <returns>The fitting nodes, best first (ties by name), and the others.</returns>
    public static FitResult Match(ComputeDemand demand, IEnumerable<NodeInventory> nodes, IReadOnlyDictionary<string, NodeUsage>? usage = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(nodes);

        var fitting = new List<NodeFit>();
        var notFitting = new List<NodeFit>();
        foreach (var node in nodes)
        {
            var fit = Evaluate(demand, node, usage?.GetValueOrDefault(node.NodeName));
            (fit.Fits ? fitting : notFitting).Add(fit);
        }

        fitting.Sort(static (left, right) =>
        {
            var byScore = right.Score.CompareTo(left.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(left.Node.NodeName, right.Node.NodeName);
        });
        return new FitResult { Fitting = fitting, NotFitting = notFitting };
    }

    private static void CheckCpus(ComputeDemand demand, NodeInventory node, NodeUsage usage, List<FitReason> failures)
    {
        if (demand.VCpus <= 0)
        {
            return;
        }

        if (node.Cpu.LogicalCpus is not { } total)
        {
            failures.Add(new(DemandField.VCpus, $"needs {demand.VCpus} vCPUs, node's CPU count is unknown"));
            return;
        }

        var free = total - usage.VCpus;
        if (free < demand.VCpus)
        {
            failures.Add(new(DemandField.VCpus, $"needs {demand.VCpus} vCPUs, node has {Math.Max(free, 0)} free of {total}"));
        }
    }

    private static void CheckMemory(ComputeDemand demand, NodeInventory node, NodeUsage usage, List<FitReason> failures)
    {
        if (demand.MemoryBytes <= 0)
        {
            return;
        }

        if (node.Memory.TotalBytes is not { } total)
        {
            failures.Add(new(DemandField.Memory, $"needs {Quantities.Bytes(demand.MemoryBytes)} of memory, node's memory is unknown"));
            return;
        }

        var free = total - usage.MemoryBytes;
        if (free < demand.MemoryBytes)
        {
            failures.Add(new(DemandField.Memory, $"needs {Quantities.Bytes(demand.MemoryBytes)} of memory, node has {Quantities.Bytes(Math.Max(free, 0))} free of {Quantities.Bytes(total)}"));
        }
    }

    private static void CheckHugePages(DemandField field, string size, long pages, HugePagePool? pool, long used, List<FitReason> failures)
    {
        if (pages <= 0)
        {
            return;
        }

        var free = (pool?.Total ?? 0) - used;
        if (free < pages)
        {
            failures.Add(new(field, pool is null
                ? $"needs {pages} hugepages of {size}, node has no {size} hugepage pool"
                : $"needs {pages} hugepages of {size}, node has {Math.Max(free, 0)} free of {pool.Total}"));
        }
    }

    private static void CheckAccelerators(ComputeDemand demand, NodeInventory node, NodeUsage usage, List<FitReason> failures)
    {
        var missing = new List<string>();
        foreach (var (kind, count) in Totals(demand.Accelerators))
        {
            var free = node.CountAccelerators(kind) - usage.Accelerators.GetValueOrDefault(kind);
            if (free < count)
            {
                missing.Add($"needs {count} {AcceleratorName(kind)}, node has {Math.Max(free, 0)}");
            }
        }

        if (missing.Count > 0)
        {
            failures.Add(new(DemandField.Accelerators, string.Join("; ", missing)));
        }
    }

    private static void CheckNic(ComputeDemand demand, NodeInventory node, NodeUsage usage, List<FitReason> failures)
    {
        if (demand.NicThroughputGbps <= 0)
        {
            return;
        }

        var free = NicThroughputGbps(node.Nics, numaNode: null) - usage.NicThroughputGbps;
        if (free < demand.NicThroughputGbps)
        {
            failures.Add(new(DemandField.NicThroughput,
                $"needs {Quantities.Gbps(demand.NicThroughputGbps)} of NIC throughput, node has {Quantities.Gbps(Math.Max(free, 0))} free on physical NICs that are up with a known speed"));
        }
    }

    private static void CheckIsa(ComputeDemand demand, NodeInventory node, List<FitReason> failures)
    {
        var missing = demand.RequiredIsa & ~node.Cpu.IsaFeatures;
        if (missing != IsaFeatures.None)
        {
            failures.Add(new(DemandField.IsaFeatures, $"needs {IsaFeatureNames.Format(missing)}, node has {IsaFeatureNames.Format(node.Cpu.IsaFeatures)}"));
        }
    }

    /// <summary>Finds a NUMA node that holds every CPU, byte, hugepage, accelerator and Gbit/s of the demand.</summary>
    private static bool TryFindNumaNode(ComputeDemand demand, NodeInventory node, out int? numaNode, out string failure)
    {
        numaNode = null;
        failure = string.Empty;
        if (node.NumaNodes.Count == 0)
        {
            // No NUMA topology: memory is uniform, so everything is local.
            return true;
        }

        var shortfalls = new List<string>();
        foreach (var numa in node.NumaNodes)
        {
            var shortfall = NumaShortfall(demand, node, numa);
            if (shortfall is null)
            {
                numaNode = numa.Id;
                return true;
            }

            shortfalls.Add($"node {numa.Id} {shortfall}");
        }

        failure = $"needs the whole demand on one NUMA node; {string.Join("; ", shortfalls)}";
        return false;
    }

    private static string? NumaShortfall(ComputeDemand demand, NodeInventory node, NumaNodeInventory numa)
    {
        var missing = new List<string>();
        if (demand.VCpus > numa.Cpus.Count)
        {
            missing.Add($"has {numa.Cpus.Count} CPUs");
        }

        if (demand.MemoryBytes > 0 && (numa.MemoryTotalBytes ?? 0) < demand.MemoryBytes)
        {
            missing.Add(numa.MemoryTotalBytes is { } memory ? $"has {Quantities.Bytes(memory)}" : "has unknown memory");
        }

        if (demand.HugePages2MiB > (numa.HugePages.TwoMiB?.Total ?? 0))
        {
            missing.Add($"has {numa.HugePages.TwoMiB?.Total ?? 0} hugepages of 2 MiB");
        }

        if (demand.HugePages1GiB > (numa.HugePages.OneGiB?.Total ?? 0))
        {
            missing.Add($"has {numa.HugePages.OneGiB?.Total ?? 0} hugepages of 1 GiB");
        }

        foreach (var (kind, count) in Totals(demand.Accelerators))
        {
            var local = node.Accelerators.Count(a => a.Kind == kind && (a.NumaNode is null || a.NumaNode == numa.Id));
            if (local < count)
            {
                missing.Add($"has {local} {AcceleratorName(kind)}");
            }
        }

        if (demand.NicThroughputGbps > 0)
        {
            var local = NicThroughputGbps(node.Nics, numa.Id);
            if (local < demand.NicThroughputGbps)
            {
                missing.Add($"has {Quantities.Gbps(local)} of NIC throughput");
            }
        }

        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static List<ScoreReason> Score(ComputeDemand demand, NodeInventory node, NodeUsage usage, bool numaLocal, int? numaNode)
    {
        var reasons = new List<ScoreReason>();

        var cpuTotal = node.Cpu.LogicalCpus ?? 0;
        var memoryTotal = node.Memory.TotalBytes ?? 0;
        var cpuLeft = cpuTotal > 0 ? (double)(cpuTotal - usage.VCpus - Math.Max(demand.VCpus, 0)) / cpuTotal : 1;
        var memoryLeft = memoryTotal > 0 ? (double)(memoryTotal - usage.MemoryBytes - Math.Max(demand.MemoryBytes, 0)) / memoryTotal : 1;
        cpuLeft = Math.Clamp(cpuLeft, 0, 1);
        memoryLeft = Math.Clamp(memoryLeft, 0, 1);
        var packing = PackingPoints * (1 - ((cpuLeft + memoryLeft) / 2));
        reasons.Add(new ScoreReason($"leaves {cpuLeft:P0} of CPUs and {memoryLeft:P0} of memory free (tighter packing scores higher)", Math.Round(packing, 2)));

        if (demand.NumaLocality != NumaLocality.None && numaLocal)
        {
            reasons.Add(new ScoreReason(numaNode is { } id ? $"the whole demand fits in NUMA node {id}" : "uniform memory: the whole demand is local", NumaLocalPoints));
        }

        foreach (var kind in Enum.GetValues<AcceleratorKind>())
        {
            var count = node.CountAccelerators(kind);
            if (count > 0 && !demand.Accelerators.Any(a => a.Kind == kind && a.Count > 0))
            {
                reasons.Add(new ScoreReason($"has {count} {AcceleratorName(kind)} the demand does not use (kept for those that do)", -UnusedAcceleratorPenalty));
            }
        }

        return reasons;
    }

    /// <summary>Sums the Gbit/s of physical NICs that are up with a known speed, on one NUMA node or all.</summary>
    internal static double NicThroughputGbps(IEnumerable<NicInventory> nics, int? numaNode)
    {
        double total = 0;
        foreach (var nic in nics)
        {
            if (!nic.IsVirtual && nic.OperationalState == NicOperationalState.Up && nic.SpeedMbps is > 0
                && (numaNode is null || nic.NumaNode is null || nic.NumaNode == numaNode))
            {
                total += nic.SpeedMbps.Value / 1000.0;
            }
        }

        return total;
    }

    private static Dictionary<AcceleratorKind, int> Totals(IReadOnlyList<AcceleratorDemand> demands)
    {
        var totals = new Dictionary<AcceleratorKind, int>();
        foreach (var demand in demands)
        {
            if (demand.Count > 0)
            {
                totals[demand.Kind] = totals.GetValueOrDefault(demand.Kind) + demand.Count;
            }
        }

        return totals;
    }

    private static string AcceleratorName(AcceleratorKind kind) => kind switch
    {
        AcceleratorKind.Gpu => "GPU",
        AcceleratorKind.Fpga => "FPGA",
        AcceleratorKind.SmartNic => "SmartNIC/DPU",
        AcceleratorKind.CryptoOffload => "crypto/compression offload",
        AcceleratorKind.ProcessingAccelerator => "processing accelerator",
        _ => kind.ToString(),
    };
}

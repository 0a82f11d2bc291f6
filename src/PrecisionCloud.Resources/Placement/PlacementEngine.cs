using System.Globalization;
using System.Runtime.CompilerServices;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Placement;

/// <summary>
/// Chooses where workloads run. Filters every node by the hard constraints (kind, provider, site, labels, latency
/// class, provider capabilities, anti-affinity, free CPU, memory, disk, hugepages, accelerators and NIC throughput),
/// then scores the rest (packing, less penalties for using nodes scarcer than needed) and keeps the best, the
/// runners-up and the reason for every rejection. Not thread-safe: one writer decides and reserves.
/// </summary>
public sealed class PlacementEngine
{
    private const int AcceleratorKinds = 5;
    private const int RunnersUpKept = 3;

    private readonly PlacementProvider[] _providers;
    private readonly NodeSlot[] _nodes;
    private readonly Dictionary<(string Provider, string Node), int> _index = [];
    private readonly Dictionary<string, HashSet<int>> _antiAffinity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sites = new(StringComparer.Ordinal);

    /// <summary>Creates an engine over the providers' nodes, all free.</summary>
    /// <param name="providers">The providers with their nodes.</param>
    public PlacementEngine(IEnumerable<PlacementProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers];
        var nodes = new List<NodeSlot>();
        for (var p = 0; p < _providers.Length; p++)
        {
            foreach (var node in _providers[p].Nodes)
            {
                if (!_index.TryAdd((_providers[p].Name, node.Name), nodes.Count))
                {
                    throw new ArgumentException($"provider '{_providers[p].Name}' lists node '{node.Name}' twice", nameof(providers));
                }

                if (!_sites.TryGetValue(node.Site, out var site))
                {
                    _sites[node.Site] = site = _sites.Count;
                }

                nodes.Add(NodeSlot.From(p, node, _providers[p].Capabilities, site));
            }
        }

        _nodes = [.. nodes];
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Decides where a workload would run, without reserving anything.</summary>
    /// <param name="spec">The workload.</param>
    /// <param name="requiredProvider">A provider it must run on because its volumes are there, or <see langword="null"/>.</param>
    /// <param name="needsRemoteGroups">Whether one of its security policies has a rule naming a remote group.</param>
    /// <returns>The decision; <see cref="PlacementDecision.Chosen"/> is <see langword="null"/> when nothing fits.</returns>
    public PlacementDecision Decide(WorkloadSpec spec, string? requiredProvider = null, bool needsRemoteGroups = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var demand = Demand.From(spec) with { RemoteGroups = needsRemoteGroups };
        var (kinds, kindReason) = ChooseKinds(spec);
        var placement = spec.Placement;
        var filter = new Filter
        {
            // An unknown site matches no node (-2); no site matches all (-1).
            Site = placement.Site is { } wantedSite ? _sites.GetValueOrDefault(wantedSite, -2) : -1,
            Labels = placement.NodeLabels.Count > 0 ? [.. placement.NodeLabels] : null,
            LatencyClass = placement.LatencyClass,
            Occupied = placement.AntiAffinityGroup is { } group ? _antiAffinity.GetValueOrDefault(GroupKey(spec.Tenant, group)) : null,
        };

        byte[] reasons = new byte[_nodes.Length];
        Span<Ranked> best = stackalloc Ranked[RunnersUpKept + 1];
        var found = 0;
        var kind = kinds[0];
        var fallback = string.Empty;
        foreach (var candidateKind in kinds)
        {
            kind = candidateKind;
            var providerReasons = ProviderReasons(spec, demand, kind, requiredProvider);
            found = 0;
            for (var i = 0; i < _nodes.Length; i++)
            {
                ref readonly var node = ref _nodes[i];
                var reason = providerReasons[node.Provider];
                if (reason == RejectionReason.None)
                {
                    reason = Check(in node, in filter, in demand, 1 << (int)kind, i);
                }

                reasons[i] = (byte)reason;
                if (reason == RejectionReason.None)
                {
                    found = Insert(best, found, new Ranked(i, Score(in node, in demand, spec.Placement.LatencyClass)));
                }
            }

            if (found > 0)
            {
                break;
            }

            fallback += $"no node can run it as {kind}; ";
        }

        var chosen = found > 0 ? Target(best[0], kind) : null;
        var runnersUp = new ScoredTarget[Math.Max(0, found - 1)];
        for (var r = 1; r < found; r++)
        {
            runnersUp[r - 1] = Target(best[r], kind);
        }

        return new PlacementDecision
        {
            Workload = $"{spec.Tenant}/{spec.Name}",
            Kind = kind,
            KindReason = fallback + kindReason,
            Chosen = chosen,
            RunnersUp = runnersUp,
            Rejections = new RejectionList(this, reasons, spec, demand, kind, requiredProvider),
            Considered = _nodes.Length,
            Summary = Summarise(chosen, reasons),
        };
    }

    /// <summary>Counts a workload's resources as used on its target (after a decision, or when restoring state).</summary>
    /// <param name="spec">The workload.</param>
    /// <param name="target">Where it runs.</param>
    /// <returns><see langword="false"/> when the target's node is unknown to this engine.</returns>
    public bool Reserve(WorkloadSpec spec, PlacementTarget target) => Adjust(spec, target, +1);

    /// <summary>Gives a workload's resources back to its target's node.</summary>
    /// <param name="spec">The workload as it was reserved.</param>
    /// <param name="target">Where it ran.</param>
    /// <returns><see langword="false"/> when the target's node is unknown to this engine.</returns>
    public bool Release(WorkloadSpec spec, PlacementTarget target) => Adjust(spec, target, -1);

    /// <summary>The free capacity of a node, or <see langword="null"/> for an unknown node.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="node">The node.</param>
    public NodeCapacity? GetFree(string provider, string node)
    {
        if (!_index.TryGetValue((provider, node), out var i))
        {
            return null;
        }

        ref readonly var slot = ref _nodes[i];
        var accelerators = new Dictionary<AcceleratorKind, int>();
        for (var a = 0; a < AcceleratorKinds; a++)
        {
            if (slot.FreeAccelerators[a] > 0)
            {
                accelerators[(AcceleratorKind)a] = (int)slot.FreeAccelerators[a];
            }
        }

        return new NodeCapacity
        {
            VCpus = slot.FreeMilliCpus / 1000.0,
            MemoryMiB = slot.FreeMemoryMiB,
            DiskGiB = slot.FreeDiskGiB,
            HugePagesMiB = slot.FreeHugePagesMiB,
            Accelerators = accelerators,
            NicThroughputGbps = slot.FreeNicMbps / 1000.0,
        };
    }

    private bool Adjust(WorkloadSpec spec, PlacementTarget target, int sign)
    {
        if (!_index.TryGetValue((target.Provider, target.Node), out var i))
        {
            return false;
        }

        var demand = Demand.From(spec);
        ref var node = ref _nodes[i];
        node.FreeMilliCpus -= sign * demand.MilliCpus;
        node.FreeMemoryMiB -= sign * demand.MemoryMiB;
        node.FreeDiskGiB -= sign * demand.DiskGiB;
        node.FreeHugePagesMiB -= sign * demand.HugePagesMiB;
        node.FreeNicMbps -= sign * demand.NicMbps;
        for (var a = 0; a < AcceleratorKinds; a++)
        {
            node.FreeAccelerators[a] -= sign * demand.Accelerators[a];
        }

        if (spec.Placement.AntiAffinityGroup is { } name)
        {
            var group = GroupKey(spec.Tenant, name);
            if (sign > 0)
            {
                if (!_antiAffinity.TryGetValue(group, out var nodes))
                {
                    _antiAffinity[group] = nodes = [];
                }

                nodes.Add(i);
            }
            else if (_antiAffinity.TryGetValue(group, out var nodes))
            {
                nodes.Remove(i);
            }
        }

        return true;
    }

    // Anti-affinity groups belong to a tenant: one tenant's group never keeps another's workloads off a node.
    private static string GroupKey(string tenant, string group) => $"{tenant}/{group}";

    private static (WorkloadKind[] Kinds, string Reason) ChooseKinds(WorkloadSpec spec)
    {
        if (spec.Kind != WorkloadKind.Auto)
        {
            return ([spec.Kind], $"{spec.Kind} requested");
        }

        var resources = spec.Resources;
        var needs = new List<string>();
        if (resources.DedicatedPerformance)
        {
            needs.Add("dedicated performance");
        }

        if (resources.AcceleratorPassthrough && resources.Accelerators.Count > 0)
        {
            needs.Add("accelerator passthrough");
        }

        if (spec.Placement.LatencyClass == LatencyClass.UltraLow)
        {
            needs.Add("the strictest latency class");
        }

        if (spec.Image.Format == ImageFormat.Disk)
        {
            return needs.Count > 0
                ? ([WorkloadKind.BareMetal, WorkloadKind.VirtualMachine], $"BareMetal for {string.Join(", ", needs)} (a disk image), else VirtualMachine")
                : ([WorkloadKind.VirtualMachine], "VirtualMachine for a disk image");
        }

        if (resources.OwnKernel)
        {
            return ([WorkloadKind.VirtualMachine], "VirtualMachine for its own kernel");
        }

        return needs.Count > 0
            ? ([WorkloadKind.Container], $"Container for an OCI image (bare metal boots disk images only); {string.Join(", ", needs)} asked of the container's node")
            : ([WorkloadKind.Container], "Container for an OCI image");
    }

    private RejectionReason[] ProviderReasons(WorkloadSpec spec, in Demand demand, WorkloadKind kind, string? requiredProvider)
    {
        var reasons = new RejectionReason[_providers.Length];
        for (var p = 0; p < _providers.Length; p++)
        {
            var provider = _providers[p];
            reasons[p] = !provider.Capabilities.Kinds.Contains(kind) ? RejectionReason.KindUnsupported
                : (spec.Placement.Provider is { } wanted && wanted != provider.Name) || (requiredProvider is not null && requiredProvider != provider.Name)
                    ? RejectionReason.ProviderMismatch
                    : MissingCapability(spec, in demand, provider.Capabilities) is null ? RejectionReason.None : RejectionReason.CapabilityMissing;
        }

        return reasons;
    }

    private static string? MissingCapability(WorkloadSpec spec, in Demand demand, ProviderCapabilities capabilities)
    {
        var resources = spec.Resources;
        foreach (var accelerator in resources.Accelerators)
        {
            if (accelerator.Count > 0 && !capabilities.Accelerators.Contains(accelerator.Kind))
            {
                return $"accelerators of kind {accelerator.Kind}";
            }
        }

        return resources.AcceleratorPassthrough && resources.Accelerators.Count > 0 && !capabilities.AcceleratorPassthrough ? "accelerator passthrough"
            : demand.HugePagesMiB > 0 && !capabilities.HugePages ? "hugepages"
            : resources.DedicatedPerformance && !capabilities.DedicatedCpus ? "dedicated CPUs"
            : spec.Networks.Count > 0 && !capabilities.Networks ? "networks"
            : spec.Networks.Count > 1 && !capabilities.MultipleNetworks ? "more than one network"
            : spec.Networks.Any(n => n.FixedAddress is not null) && !capabilities.FixedAddresses ? "fixed addresses"
            : spec.SecurityPolicies.Count > 0 && !capabilities.SecurityPolicies ? "security policies"
            : demand.RemoteGroups && !capabilities.RemoteGroups ? "security rules naming a remote group"
            : spec.Volumes.Count > 0 && capabilities.VolumeKinds.Count == 0 ? "volumes"
            : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static RejectionReason Check(in NodeSlot node, in Filter filter, in Demand demand, int kindBit, int index)
    {
        if (!node.Schedulable)
        {
            return RejectionReason.Unschedulable;
        }

        if ((node.KindMask & kindBit) == 0)
        {
            return RejectionReason.KindUnsupported;
        }

        if (filter.Site != -1 && filter.Site != node.SiteId)
        {
            return RejectionReason.SiteMismatch;
        }

        if (filter.Labels is { } labels && !LabelsMatch(node.Labels, labels))
        {
            return RejectionReason.LabelMismatch;
        }

        if (node.LatencyClass < filter.LatencyClass)
        {
            return RejectionReason.LatencyClass;
        }

        if (filter.Occupied is { } occupied && occupied.Contains(index))
        {
            return RejectionReason.AntiAffinity;
        }

        return node.FreeMilliCpus < demand.MilliCpus ? RejectionReason.InsufficientCpu
            : node.FreeMemoryMiB < demand.MemoryMiB ? RejectionReason.InsufficientMemory
            : node.FreeDiskGiB < demand.DiskGiB ? RejectionReason.InsufficientDisk
            : node.FreeHugePagesMiB < demand.HugePagesMiB ? RejectionReason.InsufficientHugePages
            : !AcceleratorsFit(in node, in demand) ? RejectionReason.InsufficientAccelerators
            : node.FreeNicMbps < demand.NicMbps ? RejectionReason.InsufficientNicThroughput
            : RejectionReason.None;
    }

    private static bool LabelsMatch(IReadOnlyDictionary<string, string> labels, KeyValuePair<string, string>[] wanted)
    {
        foreach (var (key, value) in wanted)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AcceleratorsFit(in NodeSlot node, in Demand demand)
    {
        if (!demand.AnyAccelerator)
        {
            return true;
        }

        for (var a = 0; a < AcceleratorKinds; a++)
        {
            if (node.FreeAccelerators[a] < demand.Accelerators[a])
            {
                return false;
            }
        }

        return true;
    }

    // Packing: the fuller the node after placement, the better (free room stays together for large workloads).
    // Penalties keep scarce nodes for those who need them: an accelerator node for a workload without accelerators,
    // a node serving a stricter latency class than asked.
    private static double Score(in NodeSlot node, in Demand demand, LatencyClass wanted)
    {
        var cpu = node.CapacityMilliCpus > 0 ? (double)(node.CapacityMilliCpus - node.FreeMilliCpus + demand.MilliCpus) / node.CapacityMilliCpus : 1;
        var memory = node.CapacityMemoryMiB > 0 ? (double)(node.CapacityMemoryMiB - node.FreeMemoryMiB + demand.MemoryMiB) / node.CapacityMemoryMiB : 1;
        var score = 50 * (cpu + memory);
        if (node.HasAccelerators && !demand.AnyAccelerator)
        {
            score -= 10;
        }

        return score - (5 * (node.LatencyClass - wanted));
    }

    private static int Insert(Span<Ranked> best, int count, Ranked candidate)
    {
        var position = count;
        while (position > 0 && best[position - 1].Score < candidate.Score)
        {
            position--;
        }

        if (position >= best.Length)
        {
            return count;
        }

        var last = Math.Min(count, best.Length - 1);
        for (var i = last; i > position; i--)
        {
            best[i] = best[i - 1];
        }

        best[position] = candidate;
        return Math.Min(count + 1, best.Length);
    }

    private ScoredTarget Target(Ranked ranked, WorkloadKind kind)
    {
        ref readonly var node = ref _nodes[ranked.Index];
        return new ScoredTarget(new PlacementTarget(_providers[node.Provider].Name, node.Name, kind), Math.Round(ranked.Score, 3));
    }

    private static string Summarise(ScoredTarget? chosen, byte[] reasons)
    {
        Span<int> counts = stackalloc int[(int)RejectionReason.InsufficientNicThroughput + 1];
        foreach (var reason in reasons)
        {
            counts[reason]++;
        }

        var text = chosen is null ? "nothing fits" : $"placed on {chosen.Target}";
        var rejected = reasons.Length - counts[0];
        if (rejected == 0)
        {
            return text;
        }

        var parts = new List<string>();
        for (var r = 1; r < counts.Length; r++)
        {
            if (counts[r] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts[r]} {(RejectionReason)r}"));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text}; {rejected} of {reasons.Length} nodes rejected: {string.Join(", ", parts)}");
    }

    private string Describe(int index, RejectionReason reason, WorkloadSpec spec, in Demand demand, WorkloadKind kind, string? requiredProvider)
    {
        var node = _nodes[index];
        var provider = _providers[node.Provider];
        return reason switch
        {
            RejectionReason.Unschedulable => "the node takes no new workloads",
            RejectionReason.KindUnsupported => $"runs {string.Join(", ", provider.Capabilities.Kinds.Where(k => (node.KindMask & (1 << (int)k)) != 0))}, not {kind}",
            RejectionReason.ProviderMismatch => $"the workload must run on provider '{spec.Placement.Provider ?? requiredProvider}'",
            RejectionReason.SiteMismatch => $"at site '{node.Site}', not '{spec.Placement.Site}'",
            RejectionReason.LabelMismatch => $"lacks labels {string.Join(", ", spec.Placement.NodeLabels.Where(l => node.Labels.GetValueOrDefault(l.Key) != l.Value).Select(l => $"{l.Key}={l.Value}"))}",
            RejectionReason.LatencyClass => $"serves {node.LatencyClass}, the workload needs {spec.Placement.LatencyClass}",
            RejectionReason.CapabilityMissing => $"provider '{provider.Name}' lacks {MissingCapability(spec, in demand, provider.Capabilities)}",
            RejectionReason.AntiAffinity => $"runs a workload of anti-affinity group '{spec.Placement.AntiAffinityGroup}'",
            RejectionReason.InsufficientCpu => Shortfall("vCPU", demand.MilliCpus / 1000.0, node.FreeMilliCpus / 1000.0, node.CapacityMilliCpus / 1000.0),
            RejectionReason.InsufficientMemory => Shortfall("MiB of memory", demand.MemoryMiB, node.FreeMemoryMiB, node.CapacityMemoryMiB),
            RejectionReason.InsufficientDisk => Shortfall("GiB of disk", demand.DiskGiB, node.FreeDiskGiB, node.CapacityDiskGiB),
            RejectionReason.InsufficientHugePages => Shortfall("MiB of hugepages", demand.HugePagesMiB, node.FreeHugePagesMiB, node.CapacityHugePagesMiB),
            RejectionReason.InsufficientAccelerators => $"needs {string.Join(", ", spec.Resources.Accelerators.Select(a => $"{a.Count * spec.Replicas} {a.Kind}"))}; free {AcceleratorsText(in node)}",
            RejectionReason.InsufficientNicThroughput => Shortfall("Gbit/s of NIC throughput", demand.NicMbps / 1000.0, node.FreeNicMbps / 1000.0, node.CapacityNicMbps / 1000.0),
            _ => reason.ToString(),
        };
    }

    // The text is built when someone reads a rejection, from the node's current free capacity.
    private static string Shortfall(string unit, double needed, double free, double capacity) =>
        string.Create(CultureInfo.InvariantCulture, $"needs {needed:0.###} {unit}; {free:0.###} free now of {capacity:0.###}");

    private static string AcceleratorsText(in NodeSlot node)
    {
        var parts = new List<string>();
        for (var a = 0; a < AcceleratorKinds; a++)
        {
            if (node.FreeAccelerators[a] > 0)
            {
                parts.Add($"{node.FreeAccelerators[a]} {(AcceleratorKind)a}");
            }
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private readonly record struct Ranked(int Index, double Score);

    private readonly struct Filter
    {
        public int Site { get; init; }

        public KeyValuePair<string, string>[]? Labels { get; init; }

        public LatencyClass LatencyClass { get; init; }

        public HashSet<int>? Occupied { get; init; }
    }

    [InlineArray(AcceleratorKinds)]
    private struct AcceleratorCounts
    {
        private long _element;
    }

    private readonly struct Demand
    {
        public long MilliCpus { get; init; }

        public long MemoryMiB { get; init; }

        public long DiskGiB { get; init; }

        public long HugePagesMiB { get; init; }

        public long NicMbps { get; init; }

        public AcceleratorCounts Accelerators { get; init; }

        public bool AnyAccelerator { get; init; }

        public bool RemoteGroups { get; init; }

        public static Demand From(WorkloadSpec spec)
        {
            var replicas = spec.Kind is WorkloadKind.Container or WorkloadKind.Auto ? Math.Max(1, spec.Replicas) : 1;
            var resources = spec.Resources;
            var accelerators = default(AcceleratorCounts);
            var any = false;
            foreach (var accelerator in resources.Accelerators)
            {
                accelerators[(int)accelerator.Kind] += (long)accelerator.Count * replicas;
                any |= accelerator.Count > 0;
            }

            return new Demand
            {
                MilliCpus = Tenancy.ResourceQuantities.ToMilliCpus(resources.VCpus) * replicas,
                MemoryMiB = resources.MemoryMiB * replicas,
                DiskGiB = resources.DiskGiB * replicas,
                HugePagesMiB = resources.HugePagesMiB * replicas,
                NicMbps = (long)Math.Ceiling(resources.NicThroughputGbps * 1000) * replicas,
                Accelerators = accelerators,
                AnyAccelerator = any,
            };
        }
    }

    private struct NodeSlot
    {
        public int Provider;
        public string Name;
        public string Site;
        public int SiteId;
        public IReadOnlyDictionary<string, string> Labels;
        public int KindMask;
        public LatencyClass LatencyClass;
        public bool Schedulable;
        public bool HasAccelerators;
        public long CapacityMilliCpus;
        public long CapacityMemoryMiB;
        public long CapacityDiskGiB;
        public long CapacityHugePagesMiB;
        public long CapacityNicMbps;
        public long FreeMilliCpus;
        public long FreeMemoryMiB;
        public long FreeDiskGiB;
        public long FreeHugePagesMiB;
        public long FreeNicMbps;
        public AcceleratorCounts FreeAccelerators;

        public static NodeSlot From(int provider, ProviderNode node, ProviderCapabilities capabilities, int siteId)
        {
            var mask = 0;
            foreach (var kind in node.Kinds.Count > 0 ? node.Kinds : capabilities.Kinds)
            {
                if (capabilities.Kinds.Contains(kind))
                {
                    mask |= 1 << (int)kind;
                }
            }

            var capacity = node.Capacity;
            var slot = new NodeSlot
            {
                Provider = provider,
                Name = node.Name,
                Site = node.Site,
                SiteId = siteId,
                Labels = node.Labels,
                KindMask = mask,
                LatencyClass = node.LatencyClass,
                Schedulable = node.Schedulable,
                CapacityMilliCpus = Tenancy.ResourceQuantities.ToMilliCpus(capacity.VCpus),
                CapacityMemoryMiB = capacity.MemoryMiB,
                CapacityDiskGiB = capacity.DiskGiB,
                CapacityHugePagesMiB = capacity.HugePagesMiB,
                CapacityNicMbps = (long)(capacity.NicThroughputGbps * 1000),
            };
            slot.FreeMilliCpus = slot.CapacityMilliCpus;
            slot.FreeMemoryMiB = slot.CapacityMemoryMiB;
            slot.FreeDiskGiB = slot.CapacityDiskGiB;
            slot.FreeHugePagesMiB = slot.CapacityHugePagesMiB;
            slot.FreeNicMbps = slot.CapacityNicMbps;
            foreach (var (kind, count) in capacity.Accelerators)
            {
                slot.FreeAccelerators[(int)kind] = count;
                slot.HasAccelerators |= count > 0;
            }

            return slot;
        }
    }

    private sealed class RejectionList(PlacementEngine engine, byte[] reasons, WorkloadSpec spec, Demand demand, WorkloadKind kind, string? requiredProvider)
        : IReadOnlyList<PlacementRejection>
    {
        private PlacementRejection[]? _items;

        public int Count => Items.Length;

        public PlacementRejection this[int index] => Items[index];

        private PlacementRejection[] Items => _items ??= Build();

        public IEnumerator<PlacementRejection> GetEnumerator() => ((IEnumerable<PlacementRejection>)Items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private PlacementRejection[] Build()
        {
            var list = new List<PlacementRejection>();
            for (var i = 0; i < reasons.Length; i++)
            {
                if (reasons[i] != 0)
                {
                    var reason = (RejectionReason)reasons[i];
                    ref readonly var node = ref engine._nodes[i];
                    list.Add(new PlacementRejection(engine._providers[node.Provider].Name, node.Name, reason,
                        engine.Describe(i, reason, spec, in demand, kind, requiredProvider)));
                }
            }

            return [.. list];
        }
    }
}

using BenchmarkDotNet.Attributes;
using PrecisionCloud.Hardware.Fit;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Benchmarks;

/// <summary>
/// Placing 10,000 workloads one after another over 1,000 nodes (two providers, three sites, labels, latency
/// classes, GPUs on a tenth of the nodes), each decision with its runners-up and the reason for every rejected
/// node, and each reserving its capacity before the next. Baseline, in the same run: the same filters and score
/// written plainly (LINQ over node records, a reason string per rejected node, a sort for the best).
/// </summary>
[Config(typeof(OneCoreConfig))]
public class PlacementBenchmarks
{
    private const int Nodes = 1_000;
    private const int Workloads = 10_000;
    private PlacementProvider[] _providers = null!;
    private WorkloadSpec[] _workloads = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var nodes = Enumerable.Range(0, Nodes).Select(i => new ProviderNode
        {
            Name = $"node-{i}",
            Site = $"site-{i % 3}",
            LatencyClass = (LatencyClass)(1 + (i % 3)),
            Labels = new Dictionary<string, string> { ["zone"] = $"z{i % 4}", ["rack"] = $"r{i % 25}" },
            Capacity = new NodeCapacity
            {
                VCpus = 32 + (16 * (i % 3)),
                MemoryMiB = 131_072,
                DiskGiB = 2_000,
                NicThroughputGbps = 25,
                Accelerators = i % 10 == 0 ? new Dictionary<AcceleratorKind, int> { [AcceleratorKind.Gpu] = 4 } : new Dictionary<AcceleratorKind, int>(),
            },
        }).ToArray();
        var capabilities = new ProviderCapabilities
        {
            Kinds = [WorkloadKind.Container, WorkloadKind.VirtualMachine],
            Accelerators = [AcceleratorKind.Gpu],
            Networks = true,
            MultipleNetworks = true,
        };
        _providers = [new PlacementProvider("pool-a", capabilities, nodes[..500]), new PlacementProvider("pool-b", capabilities, nodes[500..])];
        _workloads = [.. Enumerable.Range(0, Workloads).Select(i => new WorkloadSpec
        {
            Tenant = "t",
            Name = $"w{i}",
            Image = new WorkloadImage("app"),
            Resources = new WorkloadResources
            {
                VCpus = 0.5 + random.Next(4),
                MemoryMiB = 512 * (1 + random.Next(8)),
                DiskGiB = random.Next(20),
                Accelerators = i % 50 == 0 ? [new AcceleratorDemand(AcceleratorKind.Gpu, 1)] : [],
            },
            Placement = new PlacementConstraints
            {
                Site = i % 4 == 0 ? $"site-{i % 3}" : null,
                NodeLabels = i % 5 == 0 ? new Dictionary<string, string> { ["zone"] = $"z{i % 4}" } : new Dictionary<string, string>(),
                LatencyClass = (LatencyClass)(i % 4),
                AntiAffinityGroup = i % 7 == 0 ? $"g{i % 30}" : null,
            },
        })];
    }

    [Benchmark(Description = "placement engine: 10,000 workloads over 1,000 nodes")]
    public int Engine()
    {
        var engine = new PlacementEngine(_providers);
        var placed = 0;
        foreach (var spec in _workloads)
        {
            var decision = engine.Decide(spec);
            if (decision.Chosen is { } chosen)
            {
                engine.Reserve(spec, chosen.Target);
                placed++;
            }
        }

        return placed;
    }

    [Benchmark(Baseline = true, Description = "plain LINQ placement: 10,000 workloads over 1,000 nodes")]
    public int Plain()
    {
        var nodes = _providers.SelectMany(p => p.Nodes.Select(n => new PlainNode(p.Name, n))).ToList();
        var placed = 0;
        foreach (var spec in _workloads)
        {
            var verdicts = nodes.Select(n => (Node: n, Reason: n.Reject(spec))).ToList();
            var best = verdicts.Where(v => v.Reason is null).OrderByDescending(v => v.Node.Score(spec)).Take(4).ToList();
            _ = verdicts.Where(v => v.Reason is not null).Select(v => $"{v.Node.Provider}/{v.Node.Node.Name}: {v.Reason}").ToList();
            if (best.Count > 0)
            {
                best[0].Node.Take(spec);
                placed++;
            }
        }

        return placed;
    }

    private sealed class PlainNode(string provider, ProviderNode node)
    {
        private readonly HashSet<string> _groups = [];
        private double _cpu = node.Capacity.VCpus;
        private long _memory = node.Capacity.MemoryMiB;
        private long _disk = node.Capacity.DiskGiB;
        private int _gpus = node.Capacity.Accelerators.GetValueOrDefault(AcceleratorKind.Gpu);

        public string Provider => provider;

        public ProviderNode Node => node;

        public string? Reject(WorkloadSpec spec) =>
            spec.Placement.Site is { } site && site != node.Site ? "site"
            : spec.Placement.NodeLabels.Any(l => node.Labels.GetValueOrDefault(l.Key) != l.Value) ? "labels"
            : node.LatencyClass < spec.Placement.LatencyClass ? "latency"
            : spec.Placement.AntiAffinityGroup is { } g && _groups.Contains(g) ? "anti-affinity"
            : _cpu < spec.Resources.VCpus ? "cpu"
            : _memory < spec.Resources.MemoryMiB ? "memory"
            : _disk < spec.Resources.DiskGiB ? "disk"
            : _gpus < spec.Resources.Accelerators.Sum(a => a.Count) ? "accelerators"
            : null;

        public double Score(WorkloadSpec spec) =>
            50 * ((node.Capacity.VCpus - _cpu + spec.Resources.VCpus) / node.Capacity.VCpus + ((double)(node.Capacity.MemoryMiB - _memory + spec.Resources.MemoryMiB) / node.Capacity.MemoryMiB));

        public void Take(WorkloadSpec spec)
        {
            _cpu -= spec.Resources.VCpus;
            _memory -= spec.Resources.MemoryMiB;
            _disk -= spec.Resources.DiskGiB;
            _gpus -= spec.Resources.Accelerators.Sum(a => a.Count);
            if (spec.Placement.AntiAffinityGroup is { } g)
            {
                _groups.Add(g);
            }
        }
    }
}

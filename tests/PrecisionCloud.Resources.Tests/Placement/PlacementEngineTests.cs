using PrecisionCloud.Hardware.Fit;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tests.Fakes;

namespace PrecisionCloud.Resources.Tests.Placement;

public sealed class PlacementEngineTests
{
    private static readonly ProviderCapabilities Everything = new()
    {
        Kinds = new HashSet<WorkloadKind> { WorkloadKind.Container, WorkloadKind.VirtualMachine, WorkloadKind.BareMetal },
        Accelerators = new HashSet<AcceleratorKind> { AcceleratorKind.Gpu, AcceleratorKind.Fpga },
        AcceleratorPassthrough = true,
        HugePages = true,
        DedicatedCpus = true,
        Networks = true,
        FixedAddresses = true,
        MultipleNetworks = true,
        SecurityPolicies = true,
        VolumeKinds = new HashSet<VolumeKind> { VolumeKind.File },
    };

    [Fact]
    public void Auto_runs_an_OCI_image_as_a_container_and_a_disk_image_as_a_VM()
    {
        var engine = Engine(TestSite.Node("c", 8, 8192, kinds: WorkloadKind.Container), TestSite.Node("v", 8, 8192, kinds: WorkloadKind.VirtualMachine));

        var container = engine.Decide(TestSite.Container("t", "a"));
        var vm = engine.Decide(TestSite.Container("t", "b") with { Image = new WorkloadImage("debian-12", ImageFormat.Disk) });

        Assert.Equal(new PlacementTarget("p", "c", WorkloadKind.Container), container.Chosen!.Target);
        Assert.Equal("Container for an OCI image", container.KindReason);
        Assert.Equal(new PlacementTarget("p", "v", WorkloadKind.VirtualMachine), vm.Chosen!.Target);
        var rejected = Assert.Single(vm.Rejections);
        Assert.Equal(("c", RejectionReason.KindUnsupported), (rejected.Node, rejected.Reason));
        Assert.Equal("runs Container, not VirtualMachine", rejected.Detail);
    }

    [Fact]
    public void Dedicated_performance_on_a_disk_image_takes_bare_metal_when_there_is_some_and_falls_back_to_a_VM()
    {
        var spec = TestSite.Container("t", "dp") with
        {
            Image = new WorkloadImage("rt-kernel", ImageFormat.Disk),
            Resources = new WorkloadResources { VCpus = 4, MemoryMiB = 4096, DedicatedPerformance = true },
        };
        var withMetal = Engine(TestSite.Node("vm", 16, 32768, kinds: WorkloadKind.VirtualMachine), TestSite.Node("metal", 16, 32768, kinds: WorkloadKind.BareMetal));
        var withoutMetal = Engine(TestSite.Node("vm", 16, 32768, kinds: WorkloadKind.VirtualMachine));

        Assert.Equal(WorkloadKind.BareMetal, withMetal.Decide(spec).Chosen!.Target.Kind);
        var fallback = withoutMetal.Decide(spec);
        Assert.Equal(WorkloadKind.VirtualMachine, fallback.Chosen!.Target.Kind);
        Assert.StartsWith("no node can run it as BareMetal; ", fallback.KindReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rejection_names_its_constraint_with_the_values_compared()
    {
        var engine = Engine(
            TestSite.Node("other-site", 8, 8192, site: "far"),
            TestSite.Node("unlabelled", 8, 8192),
            TestSite.Node("regional", 8, 8192, latency: LatencyClass.Regional, labels: Labels("zone", "a")),
            TestSite.Node("small", 1, 8192, labels: Labels("zone", "a")),
            TestSite.Node("fits", 8, 8192, labels: Labels("zone", "a")));
        var spec = TestSite.Container("t", "w", vcpus: 2, memoryMiB: 1024) with
        {
            Placement = new PlacementConstraints { Site = "default", NodeLabels = Labels("zone", "a"), LatencyClass = LatencyClass.Edge },
        };

        var decision = engine.Decide(spec);

        Assert.Equal("fits", decision.Chosen!.Target.Node);
        Assert.Equal(
            [
                ("other-site", RejectionReason.SiteMismatch, "at site 'far', not 'default'"),
                ("unlabelled", RejectionReason.LabelMismatch, "lacks labels zone=a"),
                ("regional", RejectionReason.LatencyClass, "serves Regional, the workload needs Edge"),
                ("small", RejectionReason.InsufficientCpu, "needs 2 vCPU; 1 free now of 1"),
            ],
            decision.Rejections.Select(r => (r.Node, r.Reason, r.Detail)));
        Assert.Equal("placed on p/fits (Container); 4 of 5 nodes rejected: 1 SiteMismatch, 1 LabelMismatch, 1 LatencyClass, 1 InsufficientCpu", decision.Summary);
    }

    [Fact]
    public void Anti_affinity_spreads_a_group_and_packing_fills_the_fuller_node_first()
    {
        var engine = Engine(TestSite.Node("a", 8, 8192), TestSite.Node("b", 8, 8192), TestSite.Node("c", 8, 8192));
        var first = TestSite.Container("t", "one", vcpus: 2) with { Placement = new PlacementConstraints { AntiAffinityGroup = "db" } };
        var second = first with { Name = "two" };
        var loner = TestSite.Container("t", "three", vcpus: 1);

        var one = Reserve(engine, first);
        var two = Reserve(engine, second);
        var three = engine.Decide(loner);

        Assert.NotEqual(one.Node, two.Node);
        Assert.Contains(engine.Decide(first with { Name = "four" }).Rejections, r => r.Reason == RejectionReason.AntiAffinity && r.Detail.Contains("'db'", StringComparison.Ordinal));
        Assert.Contains(three.Chosen!.Target.Node, new[] { one.Node, two.Node });
        Assert.Equal(2, three.RunnersUp.Count);
        Assert.True(three.RunnersUp[0].Score <= three.Chosen.Score);
    }

    [Fact]
    public void A_provider_without_a_needed_feature_is_rejected_for_it()
    {
        var plain = new PlacementProvider("plain", Everything with { Accelerators = new HashSet<AcceleratorKind>(), HugePages = false }, [TestSite.Node("n", 8, 8192)]);
        var engine = new PlacementEngine([plain]);
        var spec = TestSite.Container("t", "gpu") with { Resources = new WorkloadResources { Accelerators = [new AcceleratorDemand(AcceleratorKind.Gpu, 1)] } };

        var decision = engine.Decide(spec);

        Assert.Null(decision.Chosen);
        Assert.Equal("provider 'plain' lacks accelerators of kind Gpu", Assert.Single(decision.Rejections).Detail);
        Assert.Equal("nothing fits; 1 of 1 nodes rejected: 1 CapabilityMissing", decision.Summary);
    }

    // Random nodes, random workloads placed one after another: every chosen target passes every hard constraint
    // as a plain independent check sees it, and when nothing is chosen, that check finds no node either.
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public void Placement_never_chooses_a_target_that_fails_a_hard_constraint(FsCheck.PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var nodes = Enumerable.Range(0, random.Next(1, 40)).Select(i => RandomNode(random, i)).ToArray();
        var engine = Engine(nodes);
        var used = nodes.ToDictionary(n => n.Name, _ => (Cpu: 0L, Memory: 0L, Gpu: 0, Groups: new HashSet<string>()));
        for (var w = 0; w < 150; w++)
        {
            var spec = RandomWorkload(random, w);
            var decision = engine.Decide(spec);
            var feasible = nodes.Where(n => Satisfies(n, spec, decision.Kind, used[n.Name])).Select(n => n.Name).ToHashSet();
            if (decision.Chosen is null)
            {
                Assert.Empty(feasible);
                continue;
            }

            Assert.Contains(decision.Chosen.Target.Node, feasible);
            Assert.All(decision.Rejections, r => Assert.DoesNotContain(r.Node, feasible));
            Assert.Equal(nodes.Length, decision.Rejections.Count + 1 + decision.RunnersUp.Count + Math.Max(0, feasible.Count - 1 - decision.RunnersUp.Count));
            engine.Reserve(spec, decision.Chosen.Target);
            var before = used[decision.Chosen.Target.Node];
            used[decision.Chosen.Target.Node] = (before.Cpu + (long)Math.Ceiling(spec.Resources.VCpus * 1000) * spec.Replicas, before.Memory + (spec.Resources.MemoryMiB * spec.Replicas),
                before.Gpu + (spec.Resources.Accelerators.Sum(a => a.Count) * spec.Replicas), spec.Placement.AntiAffinityGroup is { } g ? [.. before.Groups, g] : before.Groups);
        }
    }

    private static bool Satisfies(ProviderNode node, WorkloadSpec spec, WorkloadKind kind, (long Cpu, long Memory, int Gpu, HashSet<string> Groups) used)
    {
        var kinds = node.Kinds.Count > 0 ? node.Kinds : Everything.Kinds;
        var replicas = spec.Replicas;
        var gpus = spec.Resources.Accelerators.Sum(a => a.Count) * replicas;
        return kinds.Contains(kind)
            && (spec.Placement.Site is null || spec.Placement.Site == node.Site)
            && spec.Placement.NodeLabels.All(l => node.Labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && node.LatencyClass >= spec.Placement.LatencyClass
            && (spec.Placement.AntiAffinityGroup is null || !used.Groups.Contains(spec.Placement.AntiAffinityGroup))
            && (node.Capacity.VCpus * 1000) - used.Cpu >= Math.Ceiling(spec.Resources.VCpus * 1000) * replicas
            && node.Capacity.MemoryMiB - used.Memory >= spec.Resources.MemoryMiB * replicas
            && node.Capacity.Accelerators.GetValueOrDefault(AcceleratorKind.Gpu) - used.Gpu >= gpus;
    }

    private static ProviderNode RandomNode(Random random, int i) => TestSite.Node($"n{i}", random.Next(1, 17), random.Next(1, 33) * 1024,
        site: random.Next(3) == 0 ? "far" : "default",
        latency: (LatencyClass)random.Next(1, 4),
        labels: random.Next(2) == 0 ? Labels("zone", random.Next(2) == 0 ? "a" : "b") : null,
        kinds: random.Next(4) == 0 ? [WorkloadKind.VirtualMachine] : []) with
    {
        Capacity = new NodeCapacity
        {
            VCpus = random.Next(1, 17),
            MemoryMiB = random.Next(1, 33) * 1024,
            Accelerators = random.Next(4) == 0 ? new Dictionary<AcceleratorKind, int> { [AcceleratorKind.Gpu] = random.Next(1, 3) } : new Dictionary<AcceleratorKind, int>(),
        },
    };

    private static WorkloadSpec RandomWorkload(Random random, int i) => TestSite.Container("t", $"w{i}", vcpus: random.Next(1, 9) / 2.0, memoryMiB: random.Next(1, 17) * 256, replicas: random.Next(1, 3)) with
    {
        Resources = new WorkloadResources
        {
            VCpus = random.Next(1, 9) / 2.0,
            MemoryMiB = random.Next(1, 17) * 256,
            Accelerators = random.Next(5) == 0 ? [new AcceleratorDemand(AcceleratorKind.Gpu, 1)] : [],
        },
        Placement = new PlacementConstraints
        {
            Site = random.Next(3) == 0 ? "default" : null,
            NodeLabels = random.Next(3) == 0 ? Labels("zone", "a") : new Dictionary<string, string>(),
            LatencyClass = (LatencyClass)random.Next(0, 4),
            AntiAffinityGroup = random.Next(3) == 0 ? $"g{random.Next(3)}" : null,
        },
    };

    private static PlacementTarget Reserve(PlacementEngine engine, WorkloadSpec spec)
    {
        var target = engine.Decide(spec).Chosen!.Target;
        Assert.True(engine.Reserve(spec, target));
        return target;
    }

    private static Dictionary<string, string> Labels(string key, string value) => new() { [key] = value };

    private static PlacementEngine Engine(params ProviderNode[] nodes) => new([new PlacementProvider("p", Everything, nodes)]);
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Hardware.Fit;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Tests.Fit;

/// <summary>
/// The matcher against an independent oracle: for random nodes, usages and demands, a node fits exactly when
/// every field is satisfied, and there is one reason for each field that is not (and none for those that are).
/// </summary>
public sealed class FitMatcherPropertyTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Property(Arbitrary = [typeof(FitArbitraries)], MaxTest = 2000)]
    public bool Fit_holds_exactly_when_every_field_is_satisfied(Scenario scenario)
    {
        var fit = FitMatcher.Evaluate(scenario.Demand, scenario.Node, scenario.Usage);
        var failing = Oracle.FailingFields(scenario.Demand, scenario.Node, scenario.Usage);

        return fit.Fits == (failing.Count == 0)
            && fit.Failures.Select(f => f.Field).Order().SequenceEqual(failing.Order())
            && fit.Failures.All(f => f.Message.StartsWith("needs ", StringComparison.Ordinal));
    }

    [Property(Arbitrary = [typeof(FitArbitraries)], MaxTest = 300)]
    public bool Match_ranks_fitting_nodes_best_first_and_keeps_every_node(Scenario[] scenarios)
    {
        var nodes = scenarios.Select((s, i) => s.Node with { NodeName = $"n{i}" }).ToList();
        var demand = scenarios.Length > 0 ? scenarios[0].Demand : new ComputeDemand();

        var result = FitMatcher.Match(demand, nodes);

        var scores = result.Fitting.Select(f => f.Score).ToList();
        return result.Fitting.Count + result.NotFitting.Count == nodes.Count
            && result.Fitting.All(f => f.Fits && f.Failures.Count == 0)
            && result.NotFitting.All(f => !f.Fits && f.Failures.Count > 0)
            && scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second)
            && result.Fitting.All(f => Math.Abs(f.Score - f.ScoreReasons.Sum(r => r.Points)) < 0.01);
    }

    public sealed record Scenario(NodeInventory Node, NodeUsage Usage, ComputeDemand Demand)
    {
        public override string ToString() =>
            $"node cpus={Node.Cpu.LogicalCpus} mem={Node.Memory.TotalBytes} hp2={Node.HugePages.TwoMiB?.Total} hp1={Node.HugePages.OneGiB?.Total} " +
            $"isa={Node.Cpu.IsaFeatures} acc=[{string.Join(",", Node.Accelerators.Select(a => $"{a.Kind}@{a.NumaNode}"))}] " +
            $"numa=[{string.Join(";", Node.NumaNodes.Select(n => $"{n.Id}:{n.Cpus.Count}cpu/{n.MemoryTotalBytes}"))}] " +
            $"nics=[{string.Join(",", Node.Nics.Select(n => $"{n.SpeedMbps}@{n.NumaNode}/{n.OperationalState}/{n.IsVirtual}"))}] | usage {Usage} | demand {Demand}";
    }

    /// <summary>Independent restatement of each field's rule.</summary>
    private static class Oracle
    {
        public static List<DemandField> FailingFields(ComputeDemand d, NodeInventory n, NodeUsage u)
        {
            var failing = new List<DemandField>();
            if (d.VCpus > 0 && (n.Cpu.LogicalCpus is null || n.Cpu.LogicalCpus - u.VCpus < d.VCpus))
            {
                failing.Add(DemandField.VCpus);
            }

            if (d.MemoryBytes > 0 && (n.Memory.TotalBytes is null || n.Memory.TotalBytes - u.MemoryBytes < d.MemoryBytes))
            {
                failing.Add(DemandField.Memory);
            }

            if (d.HugePages2MiB > 0 && (n.HugePages.TwoMiB?.Total ?? 0) - u.HugePages2MiB < d.HugePages2MiB)
            {
                failing.Add(DemandField.HugePages2MiB);
            }

            if (d.HugePages1GiB > 0 && (n.HugePages.OneGiB?.Total ?? 0) - u.HugePages1GiB < d.HugePages1GiB)
            {
                failing.Add(DemandField.HugePages1GiB);
            }

            var wanted = d.Accelerators.Where(a => a.Count > 0).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
            if (wanted.Any(w => n.Accelerators.Count(a => a.Kind == w.Key) - u.Accelerators.GetValueOrDefault(w.Key) < w.Value))
            {
                failing.Add(DemandField.Accelerators);
            }

            if (d.NicThroughputGbps > 0 && UsableGbps(n, null) - u.NicThroughputGbps < d.NicThroughputGbps)
            {
                failing.Add(DemandField.NicThroughput);
            }

            if ((d.RequiredIsa & n.Cpu.IsaFeatures) != d.RequiredIsa)
            {
                failing.Add(DemandField.IsaFeatures);
            }

            if (d.NumaLocality == NumaLocality.Required && n.NumaNodes.Count > 0 && !n.NumaNodes.Any(numa =>
                    numa.Cpus.Count >= d.VCpus
                    && (d.MemoryBytes <= 0 || (numa.MemoryTotalBytes ?? 0) >= d.MemoryBytes)
                    && (numa.HugePages.TwoMiB?.Total ?? 0) >= d.HugePages2MiB
                    && (numa.HugePages.OneGiB?.Total ?? 0) >= d.HugePages1GiB
                    && wanted.All(w => n.Accelerators.Count(a => a.Kind == w.Key && (a.NumaNode is null || a.NumaNode == numa.Id)) >= w.Value)
                    && (d.NicThroughputGbps <= 0 || UsableGbps(n, numa.Id) >= d.NicThroughputGbps)))
            {
                failing.Add(DemandField.NumaLocality);
            }

            return failing;
        }

        private static double UsableGbps(NodeInventory n, int? numa) => n.Nics
            .Where(nic => !nic.IsVirtual && nic.OperationalState == NicOperationalState.Up && nic.SpeedMbps > 0)
            .Where(nic => numa is null || nic.NumaNode is null || nic.NumaNode == numa)
            .Sum(nic => nic.SpeedMbps!.Value / 1000.0);
    }

    public static class FitArbitraries
    {
        private static readonly IsaFeatures[] IsaChoices = [.. IsaFeatureNames.All];

        public static Arbitrary<Scenario> Scenarios() => (
            from node in Nodes()
            from usage in Usages()
            from demand in Demands()
            select new Scenario(node, usage, demand)).ToArbitrary();

        private static Gen<IsaFeatures> Isa() =>
            Gen.SubListOf(IsaChoices).Select(list => list.Aggregate(IsaFeatures.None, (all, f) => all | f));

        private static Gen<HugePageInventory> HugePages() =>
            from two in Gen.Choose(-1, 4096)
            from one in Gen.Choose(-1, 64)
            select new HugePageInventory
            {
                Pools = [.. (two < 0 ? [] : new[] { new HugePagePool(HugePagePool.TwoMiB, two, two) }),
                         .. (one < 0 ? [] : new[] { new HugePagePool(HugePagePool.OneGiB, one, one) })],
            };

        private static Gen<NodeInventory> Nodes() =>
            from cpus in Gen.Choose(-1, 128)
            from memoryGiB in Gen.Choose(-1, 512)
            from isa in Isa()
            from hugePages in HugePages()
            from numaCount in Gen.Choose(0, 3)
            from numaMemory in Gen.Choose(0, 256).ArrayOf(numaCount)
            from numaCpus in Gen.Choose(0, 64).ArrayOf(numaCount)
            from numaHugePages in HugePages().ArrayOf(numaCount)
            from accelerators in (from kind in Gen.Elements(Enum.GetValues<AcceleratorKind>())
                                  from numa in Gen.Choose(-1, 3)
                                  select (kind, numa)).ListOf().Select(l => l.Take(6).ToList())
            from nics in (from speed in Gen.Elements<int?>(null, 1000, 10000, 25000, 100000)
                          from numa in Gen.Choose(-1, 3)
                          from up in Gen.Elements(true, false)
                          from isVirtual in Gen.Elements(true, false)
                          select (speed, numa, up, isVirtual)).ListOf().Select(l => l.Take(5).ToList())
            select new NodeInventory
            {
                NodeName = "node",
                Cpu = new CpuInventory { LogicalCpus = cpus < 0 ? null : cpus, IsaFeatures = isa },
                Memory = new MemoryInventory { TotalBytes = memoryGiB < 0 ? null : memoryGiB * GiB },
                HugePages = hugePages,
                NumaNodes = [.. Enumerable.Range(0, numaCount).Select(i => new NumaNodeInventory
                {
                    Id = i,
                    Cpus = [.. Enumerable.Range(0, numaCpus[i])],
                    MemoryTotalBytes = numaMemory[i] * GiB,
                    HugePages = numaHugePages[i],
                })],
                Accelerators = [.. accelerators.Select((a, i) => new AcceleratorInventory
                {
                    PciAddress = $"0000:{i:x2}:00.0",
                    Kind = a.kind,
                    NumaNode = a.numa < 0 ? null : a.numa,
                })],
                Nics = [.. nics.Select((n, i) => new NicInventory
                {
                    Name = $"eth{i}",
                    SpeedMbps = n.speed,
                    NumaNode = n.numa < 0 ? null : n.numa,
                    OperationalState = n.up ? NicOperationalState.Up : NicOperationalState.Down,
                    IsVirtual = n.isVirtual,
                })],
            };

        private static Gen<NodeUsage> Usages() =>
            from cpus in Gen.Choose(0, 64)
            from memoryGiB in Gen.Choose(0, 256)
            from hp2 in Gen.Choose(0, 1024)
            from hp1 in Gen.Choose(0, 16)
            from gpus in Gen.Choose(0, 2)
            from nic in Gen.Choose(0, 30)
            from empty in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
            select empty ? NodeUsage.None : new NodeUsage
            {
                VCpus = cpus,
                MemoryBytes = memoryGiB * GiB,
                HugePages2MiB = hp2,
                HugePages1GiB = hp1,
                Accelerators = new Dictionary<AcceleratorKind, int> { [AcceleratorKind.Gpu] = gpus },
                NicThroughputGbps = nic,
            };

        private static Gen<ComputeDemand> Demands() =>
            from cpus in Gen.Choose(0, 96)
            from memoryGiB in Gen.Choose(0, 384)
            from hp2 in Gen.Choose(0, 3000)
            from hp1 in Gen.Choose(0, 48)
            from accelerators in (from kind in Gen.Elements(Enum.GetValues<AcceleratorKind>())
                                  from count in Gen.Choose(0, 3)
                                  select new AcceleratorDemand(kind, count)).ListOf().Select(l => l.Take(3).ToList())
            from nic in Gen.Elements(0.0, 1, 5, 10, 40, 100)
            from isa in Isa()
            from locality in Gen.Elements(Enum.GetValues<NumaLocality>())
            select new ComputeDemand
            {
                VCpus = cpus,
                MemoryBytes = memoryGiB * GiB,
                HugePages2MiB = hp2,
                HugePages1GiB = hp1,
                Accelerators = accelerators,
                NicThroughputGbps = nic,
                RequiredIsa = isa,
                NumaLocality = locality,
            };
    }
}

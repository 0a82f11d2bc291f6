using PrecisionCloud.Hardware.Fit;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Tests.Fit;

public sealed class FitMatcherTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static readonly NodeInventory Embedded = FixtureTrees.Read(FixtureTrees.ArmEmbedded);
    private static readonly NodeInventory AllInOne = FixtureTrees.Read(FixtureTrees.AllInOneEdge);
    private static readonly NodeInventory Core = FixtureTrees.Read(FixtureTrees.CoreServer);

    [Fact]
    public void Missing_fpga_is_named_with_counts()
    {
        var fit = FitMatcher.Evaluate(new ComputeDemand { Accelerators = [new(AcceleratorKind.Fpga, 2)] }, AllInOne);

        var reason = Assert.Single(fit.Failures);
        Assert.Equal(DemandField.Accelerators, reason.Field);
        Assert.Equal("needs 2 FPGA, node has 0", reason.Message);
        Assert.False(fit.Fits);
        Assert.Equal(0, fit.Score);
    }

    [Fact]
    public void Missing_isa_names_what_is_missing_and_what_the_node_has()
    {
        var fit = FitMatcher.Evaluate(new ComputeDemand { RequiredIsa = IsaFeatures.Avx512F }, AllInOne);

        var reason = Assert.Single(fit.Failures);
        Assert.Equal(DemandField.IsaFeatures, reason.Field);
        Assert.StartsWith("needs AVX-512F, node has ", reason.Message, StringComparison.Ordinal);
        Assert.Contains("AVX2", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failing_field_gets_its_own_reason()
    {
        var demand = new ComputeDemand
        {
            VCpus = 8,
            MemoryBytes = 8 * GiB,
            HugePages1GiB = 1,
            Accelerators = [new(AcceleratorKind.Gpu, 1)],
            NicThroughputGbps = 10,
            RequiredIsa = IsaFeatures.Avx2,
            NumaLocality = NumaLocality.Required,
        };

        var fit = FitMatcher.Evaluate(demand, Embedded);

        Assert.Equal(
            [DemandField.VCpus, DemandField.Memory, DemandField.HugePages1GiB, DemandField.Accelerators, DemandField.NicThroughput, DemandField.IsaFeatures],
            fit.Failures.Select(f => f.Field));
        Assert.Equal("needs 8 vCPUs, node has 4 free of 4", fit.Failures[0].Message);
        Assert.Equal("needs 1 hugepages of 1 GiB, node has 0 free of 0", fit.Failures[2].Message);
    }

    [Fact]
    public void Numa_locality_required_fails_when_gpu_and_nic_sit_on_different_nodes()
    {
        // The GPU is on NUMA node 1, the 25G NIC on node 0.
        var demand = new ComputeDemand { VCpus = 4, Accelerators = [new(AcceleratorKind.Gpu, 1)], NicThroughputGbps = 20, NumaLocality = NumaLocality.Required };

        var fit = FitMatcher.Evaluate(demand, AllInOne);

        var reason = Assert.Single(fit.Failures);
        Assert.Equal(DemandField.NumaLocality, reason.Field);
        Assert.Contains("node 0 has 0 GPU", reason.Message, StringComparison.Ordinal);
        Assert.Contains("node 1 has 0 Gbit/s of NIC throughput", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numa_locality_picks_the_node_holding_everything()
    {
        var demand = new ComputeDemand { VCpus = 8, MemoryBytes = 32 * GiB, Accelerators = [new(AcceleratorKind.Gpu, 1)], NumaLocality = NumaLocality.Required };

        var fit = FitMatcher.Evaluate(demand, AllInOne);

        Assert.True(fit.Fits);
        Assert.Equal(1, fit.NumaNode);
        Assert.Contains(fit.ScoreReasons, r => r.Reason == "the whole demand fits in NUMA node 1" && r.Points == FitMatcher.NumaLocalPoints);
    }

    [Fact]
    public void Usage_reduces_capacity()
    {
        var demand = new ComputeDemand { VCpus = 20 };

        Assert.True(FitMatcher.Evaluate(demand, AllInOne).Fits);
        var fit = FitMatcher.Evaluate(demand, AllInOne, new NodeUsage { VCpus = 16 });
        Assert.Equal("needs 20 vCPUs, node has 16 free of 32", Assert.Single(fit.Failures).Message);
    }

    [Fact]
    public void Pool_match_ranks_fitting_nodes_and_explains_the_rest()
    {
        var pool = new NodePool("site-a", [Embedded, AllInOne, Core]);
        var demand = new ComputeDemand { VCpus = 4, MemoryBytes = 8 * GiB, RequiredIsa = IsaFeatures.Avx2 };

        var result = pool.Match(demand);

        // The edge server packs tighter than the big pool server; the pool server also holds scarce accelerators.
        Assert.Equal(["edge-aio-01", "pool-a-07"], result.Fitting.Select(f => f.Node.NodeName));
        Assert.Equal("edge-aio-01", result.Best?.Node.NodeName);
        Assert.Contains(result.Fitting[1].ScoreReasons, r => r.Points == -FitMatcher.UnusedAcceleratorPenalty && r.Reason.Contains("FPGA", StringComparison.Ordinal));
        var embedded = Assert.Single(result.NotFitting);
        Assert.Equal([DemandField.Memory, DemandField.IsaFeatures], embedded.Failures.Select(f => f.Field));
        Assert.Equal(3, pool.CountAccelerators(AcceleratorKind.Gpu) + pool.CountAccelerators(AcceleratorKind.Fpga) + pool.CountAccelerators(AcceleratorKind.SmartNic));
        Assert.Equal(148, pool.LogicalCpus);
    }

    [Fact]
    public void Accelerator_demand_prefers_the_node_that_has_it()
    {
        var result = FitMatcher.Match(new ComputeDemand { VCpus = 2, Accelerators = [new(AcceleratorKind.CryptoOffload, 1)] }, [Embedded, AllInOne, Core]);

        Assert.Equal("pool-a-07", Assert.Single(result.Fitting).Node.NodeName);
        Assert.Equal("needs 1 crypto/compression offload, node has 0", result.NotFitting[0].Failures.Single().Message);
    }

    [Fact]
    public void Pool_rejects_duplicate_node_names() =>
        Assert.Throws<ArgumentException>(() => new NodePool("dup", [AllInOne, AllInOne]));

    [Fact]
    public void Empty_demand_fits_everywhere()
    {
        var result = FitMatcher.Match(new ComputeDemand(), [Embedded, AllInOne, Core]);

        Assert.Equal(3, result.Fitting.Count);
        Assert.Empty(result.NotFitting);
    }
}

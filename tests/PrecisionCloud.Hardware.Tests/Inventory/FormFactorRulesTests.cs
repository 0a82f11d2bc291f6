using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Tests.Inventory;

public sealed class FormFactorRulesTests
{
    private const long GiB = 1024L * 1024 * 1024;
    private readonly FormFactorRules _rules = new();

    [Theory]
    [InlineData(1, 4, 4, FormFactor.Embedded)]
    [InlineData(1, 8, 16, FormFactor.Embedded)]
    [InlineData(1, 8, 17, FormFactor.AllInOne)]
    [InlineData(1, 9, 8, FormFactor.AllInOne)]
    [InlineData(1, 2, 24, FormFactor.AllInOne)]
    [InlineData(1, 64, 256, FormFactor.AllInOne)]
    [InlineData(1, 128, 512, FormFactor.StandardServer)]
    [InlineData(2, 8, 8, FormFactor.StandardServer)]
    [InlineData(4, 192, 2048, FormFactor.StandardServer)]
    public void Rules_apply_in_order(int sockets, int logicalCpus, long memoryGiB, FormFactor expected)
    {
        var decision = _rules.Classify(new CpuInventory { Sockets = sockets, LogicalCpus = logicalCpus }, new MemoryInventory { TotalBytes = memoryGiB * GiB });

        Assert.Equal(expected, decision.FormFactor);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void Unknown_memory_never_makes_a_node_embedded()
    {
        var decision = _rules.Classify(new CpuInventory { LogicalCpus = 2 }, new MemoryInventory());

        Assert.Equal(FormFactor.AllInOne, decision.FormFactor);
        Assert.Contains("unknown memory", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var rules = new FormFactorRules { EmbeddedMaxLogicalCpus = 16, EmbeddedMaxMemoryBytes = 32 * GiB };

        Assert.Equal(FormFactor.Embedded, rules.Classify(new CpuInventory { LogicalCpus = 16, Sockets = 1 }, new MemoryInventory { TotalBytes = 32 * GiB }).FormFactor);
    }
}

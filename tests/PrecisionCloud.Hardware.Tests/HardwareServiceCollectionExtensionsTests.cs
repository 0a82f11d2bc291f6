using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Hardware.Tests;

public sealed class HardwareServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Inventory_source_reads_the_configured_root_and_caches()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddPrecisionCloudHardware(o => o.Root = FixtureTrees.PathOf(FixtureTrees.CoreServer));
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<INodeInventorySource>();

        var first = await source.GetInventoryAsync();
        var second = await source.GetInventoryAsync();

        Assert.Equal("pool-a-07", first.NodeName);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Capacity_gauges_report_the_inventory()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddPrecisionCloudHardware(o => o.Root = FixtureTrees.PathOf(FixtureTrees.AllInOneEdge));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<INodeInventorySource>().GetInventoryAsync();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();

        using var cpus = new MetricCollector<int>(meterFactory, HardwareMetrics.MeterName, "precisioncloud.hardware.cpu.logical");
        using var hugePages = new MetricCollector<long>(meterFactory, HardwareMetrics.MeterName, "precisioncloud.hardware.hugepages.free");
        cpus.RecordObservableInstruments();
        hugePages.RecordObservableInstruments();

        Assert.Equal(32, cpus.LastMeasurement?.Value);
        Assert.Equal([1024L, 16L], hugePages.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task Bad_options_fail_at_start_naming_the_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPrecisionCloudHardware(o =>
        {
            o.Root = "/does/not/exist";
            o.CacheDuration = TimeSpan.FromSeconds(-1);
            o.AcceleratorRules.Add(new() { VendorId = 0x1_0000 });
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PrecisionCloud:Hardware:Root '/does/not/exist' does not exist.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("PrecisionCloud:Hardware:CacheDuration", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PrecisionCloud:Hardware:AcceleratorRules:0:VendorId", StringComparison.Ordinal));
    }
}

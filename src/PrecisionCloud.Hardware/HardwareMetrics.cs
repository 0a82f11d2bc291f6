using System.Diagnostics.Metrics;
using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware;

/// <summary>
/// Publishes the node's capacity as observable gauges on the <c>PrecisionCloud.Hardware</c> meter, from the
/// most recent inventory (the source caches it, so collection never walks sysfs more than once per cache period).
/// </summary>
internal sealed class HardwareMetrics
{
    public const string MeterName = "PrecisionCloud.Hardware";

    private readonly INodeInventorySource _source;

    public HardwareMetrics(IMeterFactory meterFactory, INodeInventorySource source)
    {
        _source = source;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("precisioncloud.hardware.cpu.logical", () => Current()?.Cpu.LogicalCpus ?? 0, "{cpu}", "Online logical CPUs of the node.");
        meter.CreateObservableGauge("precisioncloud.hardware.memory.total", () => Current()?.Memory.TotalBytes ?? 0, "By", "Memory of the node.");
        meter.CreateObservableGauge("precisioncloud.hardware.memory.available", () => Current()?.Memory.AvailableBytes ?? 0, "By", "Memory available for new work.");
        meter.CreateObservableGauge("precisioncloud.hardware.hugepages.free", ObserveFreeHugePages, "{page}", "Free hugepages by page size.");
    }

    private NodeInventory? Current()
    {
        var pending = _source.GetInventoryAsync();
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private IEnumerable<Measurement<long>> ObserveFreeHugePages()
    {
        var inventory = Current();
        if (inventory is null)
        {
            yield break;
        }

        foreach (var pool in inventory.HugePages.Pools)
        {
            yield return new Measurement<long>(pool.Free, new KeyValuePair<string, object?>("page_size", pool.PageSizeBytes));
        }
    }
}

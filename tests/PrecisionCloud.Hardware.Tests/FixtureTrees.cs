using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Hardware.Linux;

namespace PrecisionCloud.Hardware.Tests;

/// <summary>The /proc and /sys fixture trees under Fixtures/ (written by Fixtures/generate.py).</summary>
internal static class FixtureTrees
{
    public const string ArmEmbedded = "arm-embedded";
    public const string AllInOneEdge = "allinone-edge";
    public const string CoreServer = "core-server";
    public const string Malformed = "malformed";

    public static string PathOf(string tree) => Path.Combine(AppContext.BaseDirectory, "Fixtures", tree);

    public static NodeInventory Read(string tree) => Read(tree, out _);

    public static NodeInventory Read(string tree, out FakeLogCollector logs)
    {
        var logger = new FakeLogger<LinuxNodeInventoryReader>();
        logs = logger.Collector;
        return new LinuxNodeInventoryReader(new HardwareOptions { Root = PathOf(tree) }, logger).Read();
    }

    public static IReadOnlyList<FakeLogRecord> Warnings(FakeLogCollector logs) =>
        logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
}

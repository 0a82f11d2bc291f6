using System.Globalization;
using System.Text;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>Renders a <see cref="NodeInventory"/> as plain-text tables for terminals and logs.</summary>
public static class NodeInventoryTable
{
    private const string Unknown = "unknown";

    /// <summary>Renders an inventory: a summary, then NUMA nodes, hugepages, NICs, accelerators and warnings.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Render(NodeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var text = new StringBuilder();
        var cpu = inventory.Cpu;

        Table(text, "Node", ["field", "value"],
        [
            ["name", inventory.NodeName],
            ["form factor", $"{inventory.FormFactor} ({inventory.FormFactorReason})"],
            ["cpu model", cpu.ModelName ?? Unknown],
            ["architecture", cpu.Architecture?.ToString() ?? Unknown],
            ["sockets / cores / logical cpus", $"{Show(cpu.Sockets)} / {Show(cpu.Cores)} / {Show(cpu.LogicalCpus)}"],
            ["isa features (cpu)", IsaFeatureNames.Format(cpu.IsaFeatures)],
            ["isa features (this process)", cpu.ProcessIsaFeatures is { } process ? IsaFeatureNames.Format(process) : "n/a (not this host)"],
            ["memory total / available", $"{ShowBytes(inventory.Memory.TotalBytes)} / {ShowBytes(inventory.Memory.AvailableBytes)}"],
        ]);

        Table(text, "NUMA nodes", ["node", "cpus", "memory", "free", "hugepages"],
            inventory.NumaNodes.Select(n => new[]
            {
                n.Id.ToString(CultureInfo.InvariantCulture), n.Cpus.Count.ToString(CultureInfo.InvariantCulture),
                ShowBytes(n.MemoryTotalBytes), ShowBytes(n.MemoryFreeBytes), ShowPools(n.HugePages),
            }));

        Table(text, "Hugepages", ["page size", "total", "free"],
            inventory.HugePages.Pools.Select(p => new[]
            {
                Quantities.Bytes(p.PageSizeBytes), p.Total.ToString(CultureInfo.InvariantCulture), p.Free.ToString(CultureInfo.InvariantCulture),
            }));

        Table(text, "NICs", ["name", "state", "speed", "mtu", "driver", "pci", "numa", "sr-iov vfs", "mac"],
            inventory.Nics.Select(n => new[]
            {
                n.Name, n.IsVirtual ? $"{n.OperationalState} (virtual)" : n.OperationalState.ToString(),
                n.SpeedMbps is { } speed ? $"{speed} Mbit/s" : Unknown, Show(n.Mtu), n.Driver ?? "-", n.PciAddress ?? "-", Show(n.NumaNode, "-"),
                n.SriovTotalVfs is { } total ? $"{n.SriovEnabledVfs ?? 0}/{total}" : "-", n.MacAddress ?? Unknown,
            }));

        Table(text, "Accelerators", ["pci", "kind", "vendor", "device", "class", "driver", "numa"],
            inventory.Accelerators.Select(a => new[]
            {
                a.PciAddress, a.Kind.ToString(), a.VendorName ?? $"0x{a.VendorId:x4}", $"0x{a.DeviceId:x4}", $"0x{a.ClassCode:x6}",
                a.Driver ?? "-", Show(a.NumaNode, "-"),
            }));

        if (inventory.Warnings.Count > 0)
        {
            text.Append("Unknown fields\n");
            foreach (var warning in inventory.Warnings)
            {
                text.Append("  ").Append(warning).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        text.Append(title).Append('\n');
        if (all.Count == 0)
        {
            text.Append("  (none)\n\n");
            return;
        }

        var widths = header.Select((h, i) => Math.Max(h.Length, all.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells)
        {
            text.Append(' ');
            for (var i = 0; i < cells.Length; i++)
            {
                text.Append(' ').Append(cells[i].PadRight(widths[i]));
            }

            // Trailing padding helps no one.
            while (text[^1] == ' ')
            {
                text.Length--;
            }

            text.Append('\n');
        }

        Row(header);
        Row(widths.Select(w => new string('-', w)).ToArray());
        all.ForEach(Row);
        text.Append('\n');
    }

    private static string Show(int? value, string unknown = Unknown) => value?.ToString(CultureInfo.InvariantCulture) ?? unknown;

    private static string ShowBytes(long? bytes) => bytes is { } value ? Quantities.Bytes(value) : Unknown;

    private static string ShowPools(HugePageInventory pools) =>
        pools.Pools.Count == 0 ? "-" : string.Join(", ", pools.Pools.Select(p => $"{p.Free}/{p.Total} x {Quantities.Bytes(p.PageSizeBytes)}"));
}

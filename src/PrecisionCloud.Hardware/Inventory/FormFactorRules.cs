namespace PrecisionCloud.Hardware.Inventory;

/// <summary>
/// The rules that turn an inventory into a <see cref="FormFactor"/>, applied in this order:
/// <list type="number">
/// <item>at least <see cref="StandardServerMinSockets"/> sockets, or at least <see cref="StandardServerMinLogicalCpus"/>
/// logical CPUs: <see cref="FormFactor.StandardServer"/>;</item>
/// <item>at most <see cref="EmbeddedMaxLogicalCpus"/> logical CPUs and at most <see cref="EmbeddedMaxMemoryBytes"/>
/// of memory: <see cref="FormFactor.Embedded"/>;</item>
/// <item>anything else: <see cref="FormFactor.AllInOne"/>.</item>
/// </list>
/// Unknown socket counts count as one socket; unknown memory does not make a node embedded.
/// </summary>
public sealed class FormFactorRules
{
    /// <summary>Sockets from which a node is a standard (pool) server. Default 2.</summary>
    public int StandardServerMinSockets { get; set; } = 2;

    /// <summary>Logical CPUs from which a single-socket node is a standard (pool) server. Default 128.</summary>
    public int StandardServerMinLogicalCpus { get; set; } = 128;

    /// <summary>Most logical CPUs an embedded box has. Default 8.</summary>
    public int EmbeddedMaxLogicalCpus { get; set; } = 8;

    /// <summary>Most memory an embedded box has, in bytes. Default 16 GiB.</summary>
    public long EmbeddedMaxMemoryBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Decides the form factor of a node.</summary>
    /// <param name="cpu">The node's processors.</param>
    /// <param name="memory">The node's memory.</param>
    /// <returns>The form factor and the rule that chose it.</returns>
    public FormFactorDecision Classify(CpuInventory cpu, MemoryInventory memory)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);

        var sockets = cpu.Sockets ?? 1;
        if (sockets >= StandardServerMinSockets)
        {
            return new(FormFactor.StandardServer, $"{sockets} sockets (standard server from {StandardServerMinSockets})");
        }

        if (cpu.LogicalCpus >= StandardServerMinLogicalCpus)
        {
            return new(FormFactor.StandardServer, $"{cpu.LogicalCpus} logical CPUs (standard server from {StandardServerMinLogicalCpus})");
        }

        var memoryText = memory.TotalBytes is { } total ? $"{total / (1024.0 * 1024 * 1024):0.#} GiB" : "unknown memory";
        if (cpu.LogicalCpus <= EmbeddedMaxLogicalCpus && memory.TotalBytes is { } bytes && bytes <= EmbeddedMaxMemoryBytes)
        {
            return new(FormFactor.Embedded,
                $"{cpu.LogicalCpus} logical CPUs and {memoryText} (embedded up to {EmbeddedMaxLogicalCpus} CPUs and {EmbeddedMaxMemoryBytes / (1024 * 1024 * 1024)} GiB)");
        }

        return new(FormFactor.AllInOne, $"{sockets} socket, {cpu.LogicalCpus} logical CPUs and {memoryText}: larger than embedded, smaller than a standard server");
    }
}

using System.Runtime.InteropServices;

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>The processors of a node. A <see langword="null"/> value means the field could not be read.</summary>
public sealed record CpuInventory
{
    /// <summary>The CPU model as the kernel reports it, for example <c>AMD EPYC 7543</c> or <c>Cortex-A72</c>.</summary>
    public string? ModelName { get; init; }

    /// <summary>The instruction-set architecture, when it could be told from <c>/proc/cpuinfo</c>.</summary>
    public Architecture? Architecture { get; init; }

    /// <summary>Physical packages (sockets).</summary>
    public int? Sockets { get; init; }

    /// <summary>Physical cores over all sockets.</summary>
    public int? Cores { get; init; }

    /// <summary>Online logical CPUs (hardware threads) over all sockets; what <c>nproc</c> counts on the host.</summary>
    public int? LogicalCpus { get; init; }

    /// <summary>Hardware threads per core (2 with SMT), when sockets and cores are known.</summary>
    public int? ThreadsPerCore => Cores is > 0 && LogicalCpus is > 0 ? LogicalCpus.Value / Cores.Value : null;

    /// <summary>The ISA features the CPU advertises in <c>/proc/cpuinfo</c>.</summary>
    public IsaFeatures IsaFeatures { get; init; }

    /// <summary>
    /// The ISA features .NET enables in the process that took the inventory, or <see langword="null"/> when the
    /// inventory was read from another root (a fixture tree or a remote node's files).
    /// </summary>
    public IsaFeatures? ProcessIsaFeatures { get; init; }
}

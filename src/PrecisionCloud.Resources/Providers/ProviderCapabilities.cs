using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Providers;

/// <summary>
/// What a provider can do, so that placement and the API above never branch on the backend. A provider reports a
/// feature only when it works on this host; what it lacks, and why, is in <see cref="Missing"/>.
/// </summary>
public sealed record ProviderCapabilities
{
    /// <summary>The workload kinds it runs.</summary>
    public IReadOnlyCollection<WorkloadKind> Kinds { get; init; } = [];

    /// <summary>The accelerator kinds its workloads can be given.</summary>
    public IReadOnlyCollection<AcceleratorKind> Accelerators { get; init; } = [];

    /// <summary>Whether accelerators can be passed through whole.</summary>
    public bool AcceleratorPassthrough { get; init; }

    /// <summary>Whether it enforces CPU limits on workloads.</summary>
    public bool CpuLimits { get; init; }

    /// <summary>Whether it enforces memory limits on workloads.</summary>
    public bool MemoryLimits { get; init; }

    /// <summary>Whether it can give workloads hugepages.</summary>
    public bool HugePages { get; init; }

    /// <summary>Whether it can dedicate CPUs to a workload.</summary>
    public bool DedicatedCpus { get; init; }

    /// <summary>Whether it moves running VMs between nodes.</summary>
    public bool LiveMigration { get; init; }

    /// <summary>The volume kinds it holds.</summary>
    public IReadOnlyCollection<VolumeKind> VolumeKinds { get; init; } = [];

    /// <summary>The storage classes it offers (empty: only the default).</summary>
    public IReadOnlyList<string> VolumeClasses { get; init; } = [];

    /// <summary>Whether it attaches workloads to networks with assigned addresses.</summary>
    public bool Networks { get; init; }

    /// <summary>Whether it honours fixed addresses.</summary>
    public bool FixedAddresses { get; init; }

    /// <summary>Whether it enforces security policies.</summary>
    public bool SecurityPolicies { get; init; }

    /// <summary>Whether security rules can name a remote group (the workloads carrying a policy) rather than a prefix.</summary>
    public bool RemoteGroups { get; init; }

    /// <summary>Whether a workload can attach more than one network.</summary>
    public bool MultipleNetworks { get; init; }

    /// <summary>Whether it isolates tenants itself (projects, namespaces) and enforces their quotas.</summary>
    public bool TenantIsolation { get; init; }

    /// <summary>Features it lacks on this host and why (for example a cgroup controller that is absent).</summary>
    public IReadOnlyList<MissingCapability> Missing { get; init; } = [];
}

namespace PrecisionCloud.Resources.Tenancy;

/// <summary>The most a tenant may hold at once; <see langword="null"/> for a limit means unlimited.</summary>
public sealed record TenantQuota
{
    /// <summary>Virtual CPUs over all workloads and replicas (fractions allowed, counted in thousandths).</summary>
    public double? VCpus { get; init; }

    /// <summary>Memory over all workloads and replicas, in MiB.</summary>
    public long? MemoryMiB { get; init; }

    /// <summary>Instances: each replica of each workload counts one.</summary>
    public long? Instances { get; init; }

    /// <summary>Volumes.</summary>
    public long? Volumes { get; init; }

    /// <summary>Storage over all volumes and workload disks, in GiB.</summary>
    public long? StorageGiB { get; init; }

    /// <summary>Networks.</summary>
    public long? Networks { get; init; }

    /// <summary>Accelerators of any kind over all workloads and replicas.</summary>
    public long? Accelerators { get; init; }

    /// <summary>The limits as quantities, <see cref="long.MaxValue"/> where unlimited.</summary>
    public ResourceQuantities ToLimits() => new(
        VCpus is { } vcpus ? ResourceQuantities.ToMilliCpus(vcpus) : long.MaxValue,
        MemoryMiB ?? long.MaxValue,
        Instances ?? long.MaxValue,
        Volumes ?? long.MaxValue,
        StorageGiB ?? long.MaxValue,
        Networks ?? long.MaxValue,
        Accelerators ?? long.MaxValue);
}

namespace PrecisionCloud.Resources.Tenancy;

/// <summary>A quantity a tenant's quota limits.</summary>
public enum QuotaResource
{
    /// <summary>Virtual CPUs, in thousandths.</summary>
    MilliCpus,

    /// <summary>Memory in MiB.</summary>
    MemoryMiB,

    /// <summary>Instances (replicas).</summary>
    Instances,

    /// <summary>Volumes.</summary>
    Volumes,

    /// <summary>Storage in GiB.</summary>
    StorageGiB,

    /// <summary>Networks.</summary>
    Networks,

    /// <summary>Accelerators.</summary>
    Accelerators,
}

namespace PrecisionCloud.Resources.Storage;

/// <summary>How many workloads may attach a volume, and how.</summary>
public enum VolumeAccessMode
{
    /// <summary>One workload reads and writes.</summary>
    ReadWriteOnce,

    /// <summary>Many workloads read.</summary>
    ReadOnlyMany,

    /// <summary>Many workloads read and write.</summary>
    ReadWriteMany,
}

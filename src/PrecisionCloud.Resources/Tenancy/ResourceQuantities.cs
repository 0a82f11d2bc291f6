namespace PrecisionCloud.Resources.Tenancy;

/// <summary>The quantities a quota counts, as exact integers.</summary>
/// <param name="MilliCpus">Virtual CPUs in thousandths.</param>
/// <param name="MemoryMiB">Memory in MiB.</param>
/// <param name="Instances">Instances (replicas).</param>
/// <param name="Volumes">Volumes.</param>
/// <param name="StorageGiB">Storage in GiB.</param>
/// <param name="Networks">Networks.</param>
/// <param name="Accelerators">Accelerators.</param>
public readonly record struct ResourceQuantities(
    long MilliCpus, long MemoryMiB, long Instances, long Volumes, long StorageGiB, long Networks, long Accelerators)
{
    /// <summary>Nothing.</summary>
    public static ResourceQuantities Zero => default;

    /// <summary>Virtual CPUs as thousandths, rounded up so that a quota is never undercounted.</summary>
    /// <param name="vcpus">Virtual CPUs, fractions allowed.</param>
    public static long ToMilliCpus(double vcpus) => (long)Math.Ceiling(Math.Round(vcpus * 1000, 6));

    /// <summary>The sum of two quantities (saturating at <see cref="long.MaxValue"/>).</summary>
    public static ResourceQuantities operator +(ResourceQuantities left, ResourceQuantities right) => new(
        Add(left.MilliCpus, right.MilliCpus), Add(left.MemoryMiB, right.MemoryMiB), Add(left.Instances, right.Instances),
        Add(left.Volumes, right.Volumes), Add(left.StorageGiB, right.StorageGiB), Add(left.Networks, right.Networks),
        Add(left.Accelerators, right.Accelerators));

    /// <summary>The difference of two quantities.</summary>
    public static ResourceQuantities operator -(ResourceQuantities left, ResourceQuantities right) => new(
        left.MilliCpus - right.MilliCpus, left.MemoryMiB - right.MemoryMiB, left.Instances - right.Instances,
        left.Volumes - right.Volumes, left.StorageGiB - right.StorageGiB, left.Networks - right.Networks,
        left.Accelerators - right.Accelerators);

    /// <summary>The sum of two quantities (saturating at <see cref="long.MaxValue"/>).</summary>
    public static ResourceQuantities Add(ResourceQuantities left, ResourceQuantities right) => left + right;

    /// <summary>The difference of two quantities.</summary>
    public static ResourceQuantities Subtract(ResourceQuantities left, ResourceQuantities right) => left - right;

    /// <summary>The value of one quantity.</summary>
    /// <param name="resource">Which quantity.</param>
    public long this[QuotaResource resource] => resource switch
    {
        QuotaResource.MilliCpus => MilliCpus,
        QuotaResource.MemoryMiB => MemoryMiB,
        QuotaResource.Instances => Instances,
        QuotaResource.Volumes => Volumes,
        QuotaResource.StorageGiB => StorageGiB,
        QuotaResource.Networks => Networks,
        QuotaResource.Accelerators => Accelerators,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "not a quota resource"),
    };

    /// <summary>Whether any quantity is below zero.</summary>
    public bool AnyNegative => MilliCpus < 0 || MemoryMiB < 0 || Instances < 0 || Volumes < 0 || StorageGiB < 0 || Networks < 0 || Accelerators < 0;

    /// <summary>The first quantity that exceeds its limit, or <see langword="null"/> when all fit.</summary>
    /// <param name="limits">The limits.</param>
    public QuotaResource? FirstOver(ResourceQuantities limits)
    {
        foreach (var resource in Enum.GetValues<QuotaResource>())
        {
            if (this[resource] > limits[resource])
            {
                return resource;
            }
        }

        return null;
    }

    private static long Add(long left, long right) => right > 0 && left > long.MaxValue - right ? long.MaxValue : left + right;
}

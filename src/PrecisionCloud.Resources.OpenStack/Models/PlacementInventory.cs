namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>One resource class in a provider's inventory.</summary>
/// <param name="ResourceClass">The class (<c>VCPU</c>, <c>MEMORY_MB</c>, <c>DISK_GB</c>, <c>CUSTOM_*</c>).</param>
/// <param name="Total">The total amount.</param>
/// <param name="Reserved">The amount held back.</param>
/// <param name="AllocationRatio">The overcommit ratio.</param>
/// <param name="MaxUnit">The most one consumer may take.</param>
public sealed record PlacementInventory(string ResourceClass, long Total, long Reserved = 0, double AllocationRatio = 1.0, long? MaxUnit = null)
{
    /// <summary>What consumers may allocate in all: (total − reserved) × ratio.</summary>
    public double Capacity => (Total - Reserved) * AllocationRatio;
}

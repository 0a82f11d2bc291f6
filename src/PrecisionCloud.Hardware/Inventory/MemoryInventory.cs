namespace PrecisionCloud.Hardware.Inventory;

/// <summary>Main memory of a node, from <c>/proc/meminfo</c>. Sizes in bytes; <see langword="null"/> when unknown.</summary>
public sealed record MemoryInventory
{
    /// <summary>Usable RAM (<c>MemTotal</c>), in bytes.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Memory available for new work without swapping (<c>MemAvailable</c>), in bytes.</summary>
    public long? AvailableBytes { get; init; }
}

namespace PrecisionCloud.Hardware.Inventory;

/// <summary>Hugepage pools of a node or a NUMA node, by page size.</summary>
public sealed record HugePageInventory
{
    /// <summary>An inventory with no pools (the kernel exposes none, or they could not be read).</summary>
    public static HugePageInventory Empty { get; } = new();

    /// <summary>Every pool the kernel exposes, smallest page size first.</summary>
    public IReadOnlyList<HugePagePool> Pools { get; init; } = [];

    /// <summary>The 2 MiB pool, or <see langword="null"/> when the kernel has none.</summary>
    public HugePagePool? TwoMiB => Find(HugePagePool.TwoMiB);

    /// <summary>The 1 GiB pool, or <see langword="null"/> when the kernel has none.</summary>
    public HugePagePool? OneGiB => Find(HugePagePool.OneGiB);

    /// <summary>The pool of one page size.</summary>
    /// <param name="pageSizeBytes">The page size in bytes.</param>
    /// <returns>The pool, or <see langword="null"/>.</returns>
    public HugePagePool? Find(long pageSizeBytes)
    {
        foreach (var pool in Pools)
        {
            if (pool.PageSizeBytes == pageSizeBytes)
            {
                return pool;
            }
        }

        return null;
    }
}

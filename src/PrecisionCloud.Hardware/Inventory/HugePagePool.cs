namespace PrecisionCloud.Hardware.Inventory;

/// <summary>The hugepages of one page size, from <c>/sys/kernel/mm/hugepages/hugepages-&lt;size&gt;kB/</c>.</summary>
/// <param name="PageSizeBytes">The page size in bytes (2 MiB or 1 GiB on x86 and Arm64 with 4 KiB base pages).</param>
/// <param name="Total">Pages reserved in the pool (<c>nr_hugepages</c>).</param>
/// <param name="Free">Pages not yet mapped by any process (<c>free_hugepages</c>).</param>
public sealed record HugePagePool(long PageSizeBytes, long Total, long Free)
{
    /// <summary>2 MiB, the common small hugepage size.</summary>
    public const long TwoMiB = 2L * 1024 * 1024;

    /// <summary>1 GiB, the common large hugepage size.</summary>
    public const long OneGiB = 1024L * 1024 * 1024;
}

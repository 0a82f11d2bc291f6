namespace PrecisionCloud.Security.Audit;

/// <summary>Where and how the audit log is written. Configuration section <c>PrecisionCloud:Security:Audit</c>.</summary>
public sealed class AuditLogOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud:Security:Audit";

    /// <summary>The directory of the log files (created with access for the owner only).</summary>
    public string Directory { get; set; } = "audit";

    /// <summary>A file is closed and the next one started once it reaches this size; the chain continues across files.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Events waiting to be written at most; appends wait for room beyond that.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>
    /// Whether each written batch is forced to the disk (fsync) before <see cref="AuditLog.FlushAsync"/> completes,
    /// rather than handed to the operating system. On by default: an audit record should survive a power cut.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;
}

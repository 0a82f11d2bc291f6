namespace PrecisionCloud.Resources;

/// <summary>Options of the unified resource model, bound from <c>PrecisionCloud:Resources</c>.</summary>
public sealed class ResourceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Resources";

    /// <summary>The SQLite file holding the desired state; empty keeps it in memory (lost at exit).</summary>
    public string? DatabasePath { get; set; } = "data/resources.db";

    /// <summary>Whether every commit waits for the disk (power-safe); otherwise commits survive a process crash only.</summary>
    public bool SynchronousCommits { get; set; }

    /// <summary>How often a full reconcile pass runs without a change to prompt it (drift detection), 1 s to 1 h.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the providers' nodes and capacity are read again, 1 s to 1 h.</summary>
    public TimeSpan NodeRefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait before retrying a failed backend call or restarting an exited workload; doubled per failure.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events kept in each resource's history, 1 to 1000.</summary>
    public int EventsKept { get; set; } = 50;

    /// <summary>Changes kept for resuming watches, 100 to 10,000,000.</summary>
    public int WatchHistory { get; set; } = 100_000;

    /// <summary>Rejected candidates kept in a workload's stored placement decision (the summary counts them all), 0 to 100,000.</summary>
    public int StoredRejections { get; set; } = 100;

    /// <summary>The site nodes are at when their provider does not say.</summary>
    public string Site { get; set; } = "default";
}

namespace PrecisionCloud.Resources.Compute;

/// <summary>Where a workload may run.</summary>
public sealed record PlacementConstraints
{
    /// <summary>The site it must run at, or <see langword="null"/> for any.</summary>
    public string? Site { get; init; }

    /// <summary>Labels the node must carry with these values.</summary>
    public IReadOnlyDictionary<string, string> NodeLabels { get; set; } = new Dictionary<string, string>();

    /// <summary>Workloads of one tenant's anti-affinity group never share a node (a lower-case name).</summary>
    public string? AntiAffinityGroup { get; init; }

    /// <summary>The latency class the node must serve.</summary>
    public LatencyClass LatencyClass { get; init; }

    /// <summary>A provider the workload must run on, or <see langword="null"/> for any.</summary>
    public string? Provider { get; init; }
}

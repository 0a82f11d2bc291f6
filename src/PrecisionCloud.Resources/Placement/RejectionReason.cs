namespace PrecisionCloud.Resources.Placement;

/// <summary>Why placement rejected a node, in the order the hard constraints are checked.</summary>
public enum RejectionReason : byte
{
    /// <summary>Not rejected.</summary>
    None,

    /// <summary>The node is cordoned: no new workloads.</summary>
    Unschedulable,

    /// <summary>The node does not run the chosen workload kind.</summary>
    KindUnsupported,

    /// <summary>The workload must run on another provider (its constraint, or where its volumes are).</summary>
    ProviderMismatch,

    /// <summary>The node is at another site.</summary>
    SiteMismatch,

    /// <summary>The node lacks a required label value.</summary>
    LabelMismatch,

    /// <summary>The node does not serve the required latency class.</summary>
    LatencyClass,

    /// <summary>The node's provider lacks a feature the workload needs (named in the detail).</summary>
    CapabilityMissing,

    /// <summary>A workload of the same anti-affinity group runs on the node.</summary>
    AntiAffinity,

    /// <summary>Not enough free CPU.</summary>
    InsufficientCpu,

    /// <summary>Not enough free memory.</summary>
    InsufficientMemory,

    /// <summary>Not enough free disk.</summary>
    InsufficientDisk,

    /// <summary>Not enough free hugepages.</summary>
    InsufficientHugePages,

    /// <summary>Not enough free accelerators of a requested kind.</summary>
    InsufficientAccelerators,

    /// <summary>Not enough free NIC throughput.</summary>
    InsufficientNicThroughput,
}

namespace PrecisionCloud.Resources;

/// <summary>The kinds of resource the unified model holds.</summary>
public enum ResourceKind
{
    /// <summary>A tenant.</summary>
    Tenant,

    /// <summary>A network with its subnets.</summary>
    Network,

    /// <summary>A security policy attachable to workloads.</summary>
    SecurityPolicy,

    /// <summary>A volume.</summary>
    Volume,

    /// <summary>A workload.</summary>
    Workload,
}

namespace PrecisionCloud.Resources.Networking;

/// <summary>Which traffic a security rule allows.</summary>
public enum TrafficDirection
{
    /// <summary>Traffic into the workload.</summary>
    Ingress,

    /// <summary>Traffic out of the workload.</summary>
    Egress,
}

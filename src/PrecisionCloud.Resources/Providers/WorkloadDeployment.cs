using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A workload handed to its provider, with every reference resolved.</summary>
public sealed record WorkloadDeployment
{
    /// <summary>The workload's uid: stable for its life, the key its provider finds it by.</summary>
    public required string Uid { get; init; }

    /// <summary>Its spec.</summary>
    public required WorkloadSpec Spec { get; init; }

    /// <summary>The kind it runs as (never <see cref="WorkloadKind.Auto"/>).</summary>
    public required WorkloadKind Kind { get; init; }

    /// <summary>The node placement chose.</summary>
    public required string Node { get; init; }

    /// <summary>A hash of everything applied; the provider reports it back.</summary>
    public required string SpecHash { get; init; }

    /// <summary>Its networks, with the address of each replica.</summary>
    public IReadOnlyList<AttachedNetwork> Networks { get; init; } = [];

    /// <summary>Its volumes, with their ids at the provider.</summary>
    public IReadOnlyList<AttachedVolume> Volumes { get; init; } = [];

    /// <summary>The security policies that apply to it.</summary>
    public IReadOnlyList<SecurityPolicySpec> SecurityPolicies { get; init; } = [];
}

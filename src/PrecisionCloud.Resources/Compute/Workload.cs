namespace PrecisionCloud.Resources.Compute;

/// <summary>A workload as the unified model holds it: its desired state and what is true of it now.</summary>
public sealed record Workload
{
    /// <summary>Its uid: stable for its life, the key providers find it by.</summary>
    public required string Uid { get; init; }

    /// <summary>Its spec.</summary>
    public required WorkloadSpec Spec { get; init; }

    /// <summary>Its spec's generation: 1 at creation, one more for every change.</summary>
    public long Generation { get; init; } = 1;

    /// <summary>Whether its deletion was asked for.</summary>
    public bool Deleting { get; init; }

    /// <summary>A hash of everything its provider applies (spec, kind, node, addresses, policies).</summary>
    public string DesiredHash { get; init; } = string.Empty;

    /// <summary>What is true of it now.</summary>
    public WorkloadStatus Status { get; init; } = new();

    /// <summary>Its key: <c>tenant/name</c>.</summary>
    public string Key => $"{Spec.Tenant}/{Spec.Name}";
}

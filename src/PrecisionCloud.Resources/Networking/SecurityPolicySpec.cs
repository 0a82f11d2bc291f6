namespace PrecisionCloud.Resources.Networking;

/// <summary>The desired state of a security policy: allow rules applied to the workloads that name it.</summary>
public sealed record SecurityPolicySpec
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The policy's name, unique in its tenant.</summary>
    public required string Name { get; init; }

    /// <summary>Its allow rules.</summary>
    public IReadOnlyList<SecurityRule> Rules { get; set; } = [];
}

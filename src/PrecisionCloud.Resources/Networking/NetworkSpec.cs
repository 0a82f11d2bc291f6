namespace PrecisionCloud.Resources.Networking;

/// <summary>The desired state of a network: a layer-2 domain with IPv4 subnets.</summary>
public sealed record NetworkSpec
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The network's name, unique in its tenant.</summary>
    public required string Name { get; init; }

    /// <summary>Its subnets (at least one).</summary>
    public IReadOnlyList<SubnetSpec> Subnets { get; set; } = [];
}

namespace PrecisionCloud.Resources.Networking;

/// <summary>A network as the unified model holds it.</summary>
public sealed record Network
{
    /// <summary>Its uid.</summary>
    public required string Uid { get; init; }

    /// <summary>Its spec.</summary>
    public required NetworkSpec Spec { get; init; }

    /// <summary>Its spec's generation.</summary>
    public long Generation { get; init; } = 1;

    /// <summary>Whether its deletion was asked for.</summary>
    public bool Deleting { get; init; }

    /// <summary>What is true of it at its providers.</summary>
    public ResourceStatus Status { get; init; } = new();

    /// <summary>Its key: <c>tenant/name</c>.</summary>
    public string Key => $"{Spec.Tenant}/{Spec.Name}";
}

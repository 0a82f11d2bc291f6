namespace PrecisionCloud.Resources.Tenancy;

/// <summary>A tenant as the unified model holds it.</summary>
public sealed record Tenant
{
    /// <summary>Its uid.</summary>
    public required string Uid { get; init; }

    /// <summary>Its spec.</summary>
    public required TenantSpec Spec { get; init; }

    /// <summary>Its spec's generation.</summary>
    public long Generation { get; init; } = 1;

    /// <summary>Whether its deletion was asked for.</summary>
    public bool Deleting { get; init; }

    /// <summary>What it holds now, counted against its quota.</summary>
    public ResourceQuantities Usage { get; init; }

    /// <summary>What is true of it at its providers.</summary>
    public ResourceStatus Status { get; init; } = new();

    /// <summary>Its key: its name.</summary>
    public string Key => Spec.Name;
}

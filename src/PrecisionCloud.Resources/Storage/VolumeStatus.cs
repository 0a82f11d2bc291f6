using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Storage;

/// <summary>What is true of a volume now.</summary>
public sealed record VolumeStatus
{
    /// <summary>Whether the backend holds it as specified.</summary>
    public bool Ready { get; init; }

    /// <summary>The provider holding it.</summary>
    public string? Provider { get; init; }

    /// <summary>Its id at the provider.</summary>
    public string? BackendId { get; init; }

    /// <summary>The workloads attaching it (<c>tenant/name</c>).</summary>
    public IReadOnlyList<string> AttachedTo { get; init; } = [];

    /// <summary>Its history, newest last (bounded).</summary>
    public IReadOnlyList<ResourceEvent> Events { get; init; } = [];
}

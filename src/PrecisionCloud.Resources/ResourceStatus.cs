using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources;

/// <summary>What is true now of a tenant, network or security policy: realised on each provider of its concern.</summary>
public sealed record ResourceStatus
{
    /// <summary>Whether every provider holds it as specified.</summary>
    public bool Ready { get; init; }

    /// <summary>Its id at each provider that holds it, by provider name.</summary>
    public IReadOnlyDictionary<string, string> BackendIds { get; init; } = new Dictionary<string, string>();

    /// <summary>The generation last applied everywhere.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>What went wrong last, if anything.</summary>
    public string? Message { get; init; }

    /// <summary>Its history, newest last (bounded).</summary>
    public IReadOnlyList<ResourceEvent> Events { get; init; } = [];
}

using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Administration;

/// <summary>An application instance as the management sees it.</summary>
public sealed record AppInstanceStatus
{
    /// <summary>The instance.</summary>
    public required string AppInstanceId { get; init; }

    /// <summary>Where it is in its lifecycle: PROVISIONED, REGISTERED, READY or TERMINATING.</summary>
    public required string Phase { get; init; }

    /// <summary>Its provisioning, when the management gave one.</summary>
    public AppProvisioning? Provisioning { get; init; }

    /// <summary>Its registration, when it registered.</summary>
    public AppInfo? Registration { get; init; }

    /// <summary>The services it produces.</summary>
    public int Services { get; init; }

    /// <summary>The OAuth 2.0 client the instance authenticates as, when provisioned with one.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client's secret: in the answer that issued it, and never again (the platform keeps only its hash).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Services the instance requires (its provisioning's or registration's <c>appServiceRequired</c>) that no ready application offers now.</summary>
    public IReadOnlyList<string>? MissingRequiredServices { get; init; }

    /// <summary>Rules in ACTIVE state the data plane could not honour.</summary>
    public IReadOnlyList<RefusedRule>? RefusedRules { get; init; }
}

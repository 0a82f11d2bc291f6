using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Administration;

/// <summary>
/// What the MEC management tells the platform about an application instance before or after it starts, shaped like
/// the application descriptor (ETSI GS MEC 010-2 clause 6.2.1.2): its rules, the services it needs and may use,
/// and the OAuth 2.0 client it authenticates as.
/// </summary>
public sealed record AppProvisioning
{
    /// <summary>The application's name.</summary>
    public required string AppName { get; init; }

    /// <summary>The application's provider.</summary>
    public string? AppProvider { get; init; }

    /// <summary>The identifier of the application descriptor (when the application has one, it may not declare dependencies at registration).</summary>
    public string? AppDId { get; init; }

    /// <summary>The tenant the application belongs to.</summary>
    public string? Tenant { get; init; }

    /// <summary>
    /// The OAuth 2.0 client the application authenticates as: the platform registers it with the site's authorization
    /// server (scopes <c>mec_app_support</c>, <c>mec_service_mgmt</c>, <c>mec_location</c>; tokens that carry this
    /// instance) and answers its secret once.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>The application's traffic rules.</summary>
    public IReadOnlyList<TrafficRule>? TrafficRules { get; init; }

    /// <summary>The application's DNS rules.</summary>
    public IReadOnlyList<DnsRule>? DnsRules { get; init; }

    /// <summary>Services the application needs.</summary>
    public IReadOnlyList<ServiceDependency>? AppServiceRequired { get; init; }

    /// <summary>Services the application can use.</summary>
    public IReadOnlyList<ServiceDependency>? AppServiceOptional { get; init; }
}

using System.Text.Json;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>An application instance's registration (ETSI GS MEC 011 clause 7.1.2.6).</summary>
public sealed record AppInfo
{
    /// <summary>The application's name (as in its descriptor, when it has one).</summary>
    public required string AppName { get; init; }

    /// <summary>The application's provider.</summary>
    public string? AppProvider { get; init; }

    /// <summary>The application's category.</summary>
    public CategoryRef? AppCategory { get; init; }

    /// <summary>The identifier of the application's descriptor.</summary>
    public string? AppDId { get; init; }

    /// <summary>The instance identifier: provisioned by the platform's management, or assigned at registration when absent.</summary>
    public string? AppInstanceId { get; init; }

    /// <summary>Where the instance is reached; required when <see cref="IsInsByMec"/> is false.</summary>
    public EndPointInfo? Endpoint { get; init; }

    /// <summary>Services the application needs (only without a descriptor).</summary>
    public IReadOnlyList<ServiceDependency>? AppServiceRequired { get; init; }

    /// <summary>Services the application can use (only without a descriptor).</summary>
    public IReadOnlyList<ServiceDependency>? AppServiceOptional { get; init; }

    /// <summary>Platform features the application needs (only without a descriptor).</summary>
    public IReadOnlyList<FeatureDependency>? AppFeatureRequired { get; init; }

    /// <summary>Platform features the application can use (only without a descriptor).</summary>
    public IReadOnlyList<FeatureDependency>? AppFeatureOptional { get; init; }

    /// <summary>Whether the MEC management instantiated the application (false when absent).</summary>
    public bool? IsInsByMec { get; init; }

    /// <summary>The application's edge application server profile (3GPP TS 29.558), kept as given.</summary>
    public JsonElement? AppProfile { get; init; }
}

using System.Text.Json;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A service an application needs or can use (ETSI GS MEC 010-2 clause 6.2.1.18, as used by GS MEC 011).</summary>
public sealed record ServiceDependency
{
    /// <summary>The service's name.</summary>
    public required string SerName { get; init; }

    /// <summary>The service's category.</summary>
    public CategoryRef? SerCategory { get; init; }

    /// <summary>The service's version.</summary>
    public required string Version { get; init; }

    /// <summary>The transports and serializers the application supports for it.</summary>
    public IReadOnlyList<TransportDependency>? SerTransportDependencies { get; init; }

    /// <summary>The permissions the application requests on the service (format left open by the specification).</summary>
    public JsonElement? RequestedPermissions { get; init; }
}

using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>A MEC service instance (ETSI GS MEC 011 clause 8.1.2.2).</summary>
public sealed record ServiceInfo
{
    /// <summary>The instance identifier the platform assigned (absent in POST requests).</summary>
    public string? SerInstanceId { get; init; }

    /// <summary>The service's name, as the producing application names it.</summary>
    public required string SerName { get; init; }

    /// <summary>The service's category.</summary>
    public CategoryRef? SerCategory { get; init; }

    /// <summary>The service's version.</summary>
    public required string Version { get; init; }

    /// <summary>The service's state.</summary>
    public required ServiceState State { get; init; }

    /// <summary>A platform-provided transport to use (POST requests only; either this or <see cref="TransportInfo"/>).</summary>
    public string? TransportId { get; init; }

    /// <summary>The transport the service is provided over.</summary>
    public TransportInfo? TransportInfo { get; init; }

    /// <summary>How the service serializes its data.</summary>
    public required SerializerType Serializer { get; init; }

    /// <summary>The scope of locality (MEC host when absent).</summary>
    public LocalityType? ScopeOfLocality { get; init; }

    /// <summary>Whether only applications in the same locality may consume the service (true when absent).</summary>
    public bool? ConsumedLocalOnly { get; init; }

    /// <summary>Whether the service is in the consumer's locality (in availability answers and notifications).</summary>
    public bool? IsLocal { get; init; }

    /// <summary>The interval in seconds between heartbeats, when the platform requires them.</summary>
    public int? LivenessInterval { get; init; }

    /// <summary>Links to this instance and its liveness resource (absent in requests).</summary>
    [JsonPropertyName("_links")]
    public ServiceLinks? Links { get; init; }
}

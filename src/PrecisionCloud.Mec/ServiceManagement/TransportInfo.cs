using System.Text.Json.Nodes;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>A transport a service is provided over (ETSI GS MEC 011 clause 8.1.2.3).</summary>
public sealed record TransportInfo
{
    /// <summary>The transport's identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The transport's name.</summary>
    public required string Name { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>The type of transport.</summary>
    public required TransportType Type { get; init; }

    /// <summary>The protocol (<c>HTTP</c> for a REST API).</summary>
    public required string Protocol { get; init; }

    /// <summary>The protocol's version.</summary>
    public required string Version { get; init; }

    /// <summary>Where the transport is reached.</summary>
    public required EndPointInfo Endpoint { get; init; }

    /// <summary>How the transport is secured.</summary>
    public required SecurityInfo Security { get; init; }

    /// <summary>Implementation-specific details.</summary>
    public JsonObject? ImplSpecificInfo { get; init; }
}

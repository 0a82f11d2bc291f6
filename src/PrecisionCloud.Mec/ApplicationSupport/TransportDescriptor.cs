using System.Text.Json;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A transport an application depends on (ETSI GS MEC 010-2 clause 6.2.1.19, as used by GS MEC 011).</summary>
public sealed record TransportDescriptor
{
    /// <summary>The transport's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it is.</summary>
    public string? Description { get; init; }

    /// <summary>Its type.</summary>
    public required TransportType Type { get; init; }

    /// <summary>Its protocol, for example HTTP.</summary>
    public required string Protocol { get; init; }

    /// <summary>The protocol's version.</summary>
    public required string Version { get; init; }

    /// <summary>How it is secured.</summary>
    public required SecurityInfo Security { get; init; }

    /// <summary>Transport-specific information.</summary>
    public JsonElement? ImplSpecificInfo { get; init; }
}

using System.Text.Json.Nodes;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>Where a transport is reached (ETSI GS MEC 011 clause 8.1.5.3): exactly one of the four forms.</summary>
public sealed record EndPointInfo
{
    /// <summary>URIs (for REST APIs).</summary>
    public IReadOnlyList<string>? Uris { get; init; }

    /// <summary>Fully qualified domain names.</summary>
    public IReadOnlyList<string>? Fqdn { get; init; }

    /// <summary>IP address and port pairs.</summary>
    public IReadOnlyList<EndPointAddress>? Addresses { get; init; }

    /// <summary>An entry point in a format an implementation or another specification defines.</summary>
    public JsonObject? Alternative { get; init; }
}

using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>
/// Which packets a traffic rule matches (ETSI GS MEC 011 clause 7.1.5.2). Within a list any entry matches; across
/// the lists every present list must match. Addresses are single addresses, prefixes (<c>a.b.c.d/n</c>) or ranges.
/// </summary>
public sealed record TrafficFilter
{
    /// <summary>Source addresses.</summary>
    public IReadOnlyList<string>? SrcAddress { get; init; }

    /// <summary>Destination addresses.</summary>
    public IReadOnlyList<string>? DstAddress { get; init; }

    /// <summary>Source ports or port ranges (<c>lo-hi</c>).</summary>
    public IReadOnlyList<string>? SrcPort { get; init; }

    /// <summary>Destination ports or port ranges (<c>lo-hi</c>).</summary>
    public IReadOnlyList<string>? DstPort { get; init; }

    /// <summary>IP protocols, by number or name.</summary>
    public IReadOnlyList<string>? Protocol { get; init; }

    /// <summary>Tags (for example VLAN or MPLS).</summary>
    public IReadOnlyList<string>? Tag { get; init; }

    /// <summary>Source addresses of the tunnel the packets arrive in (the gNB or eNB).</summary>
    public IReadOnlyList<string>? SrcTunnelAddress { get; init; }

    /// <summary>Target addresses of the tunnel (the user plane's N3 address).</summary>
    public IReadOnlyList<string>? TgtTunnelAddress { get; init; }

    /// <summary>Source ports of the tunnel.</summary>
    public IReadOnlyList<string>? SrcTunnelPort { get; init; }

    /// <summary>Destination ports of the tunnel.</summary>
    public IReadOnlyList<string>? DstTunnelPort { get; init; }

    /// <summary>The QoS class identifier of the bearer.</summary>
    [JsonPropertyName("qCI")]
    public int? Qci { get; init; }

    /// <summary>The DSCP value of the packets.</summary>
    [JsonPropertyName("dSCP")]
    public int? Dscp { get; init; }

    /// <summary>The IPv6 traffic class of the packets.</summary>
    [JsonPropertyName("tC")]
    public int? TrafficClass { get; init; }
}

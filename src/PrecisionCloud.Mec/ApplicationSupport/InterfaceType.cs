using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The kind of a traffic rule's destination interface (ETSI GS MEC 011 clause 7.1.5.3, <c>interfaceType</c>).</summary>
public enum InterfaceType
{
    /// <summary>A tunnel (<see cref="DestinationInterface.TunnelInfo"/> says which).</summary>
    [JsonStringEnumMemberName("TUNNEL")]
    Tunnel,

    /// <summary>An Ethernet interface named by MAC addresses.</summary>
    [JsonStringEnumMemberName("MAC")]
    Mac,

    /// <summary>An IP next hop.</summary>
    [JsonStringEnumMemberName("IP")]
    Ip,
}

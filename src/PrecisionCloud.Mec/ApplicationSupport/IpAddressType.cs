using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The address family of a DNS rule's address (ETSI GS MEC 011 clause 7.1.2.3, <c>ipAddressType</c>).</summary>
public enum IpAddressType
{
    /// <summary>IPv6 (answered as AAAA).</summary>
    [JsonStringEnumMemberName("IP_V6")]
    IpV6,

    /// <summary>IPv4 (answered as A).</summary>
    [JsonStringEnumMemberName("IP_V4")]
    IpV4,
}

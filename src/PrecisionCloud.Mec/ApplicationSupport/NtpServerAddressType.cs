using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>How an NTP server is addressed (ETSI GS MEC 011 clause 7.1.2.4, <c>ntpServerAddrType</c>).</summary>
public enum NtpServerAddressType
{
    /// <summary>By IP address.</summary>
    [JsonStringEnumMemberName("IP_ADDRESS")]
    IpAddress,

    /// <summary>By DNS name.</summary>
    [JsonStringEnumMemberName("DNS_NAME")]
    DnsName,
}

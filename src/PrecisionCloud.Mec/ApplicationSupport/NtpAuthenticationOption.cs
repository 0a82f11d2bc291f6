using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>How an NTP server authenticates (ETSI GS MEC 011 clause 7.1.2.4, <c>authenticationOption</c>).</summary>
public enum NtpAuthenticationOption
{
    /// <summary>No authentication.</summary>
    [JsonStringEnumMemberName("NONE")]
    None,

    /// <summary>A symmetric key.</summary>
    [JsonStringEnumMemberName("SYMMETRIC_KEY")]
    SymmetricKey,

    /// <summary>Network Time Security (IETF RFC 8915).</summary>
    [JsonStringEnumMemberName("NTS")]
    Nts,
}

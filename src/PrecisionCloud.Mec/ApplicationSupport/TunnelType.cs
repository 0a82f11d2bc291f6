using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The kind of a tunnel (ETSI GS MEC 011 clause 7.1.5.4, <c>tunnelType</c>).</summary>
public enum TunnelType
{
    /// <summary>GTP-U (3GPP TS 29.281).</summary>
    [JsonStringEnumMemberName("GTP_U")]
    GtpU,

    /// <summary>Generic routing encapsulation (IETF RFC 2784).</summary>
    [JsonStringEnumMemberName("GRE")]
    Gre,
}

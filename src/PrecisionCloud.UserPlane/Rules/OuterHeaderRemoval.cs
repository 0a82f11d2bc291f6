namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Which outer headers a PDR removes (3GPP TS 29.244 §8.2.64).</summary>
public enum OuterHeaderRemoval : byte
{
    /// <summary>GTP-U/UDP/IPv4.</summary>
    GtpUUdpIPv4 = 0,

    /// <summary>GTP-U/UDP/IPv6.</summary>
    GtpUUdpIPv6 = 1,

    /// <summary>UDP/IPv4.</summary>
    UdpIPv4 = 2,

    /// <summary>UDP/IPv6.</summary>
    UdpIPv6 = 3,

    /// <summary>IPv4.</summary>
    IPv4 = 4,

    /// <summary>IPv6.</summary>
    IPv6 = 5,

    /// <summary>GTP-U/UDP/IP, whichever IP version.</summary>
    GtpUUdpIP = 6,
}

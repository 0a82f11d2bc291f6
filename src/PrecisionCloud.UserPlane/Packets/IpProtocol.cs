namespace PrecisionCloud.UserPlane.Packets;

/// <summary>IP protocol numbers the user plane treats specially (IANA Assigned Internet Protocol Numbers).</summary>
public static class IpProtocol
{
    /// <summary>ICMP.</summary>
    public const byte Icmp = 1;

    /// <summary>TCP.</summary>
    public const byte Tcp = 6;

    /// <summary>UDP.</summary>
    public const byte Udp = 17;

    /// <summary>ICMPv6.</summary>
    public const byte IcmpV6 = 58;

    /// <summary>SCTP.</summary>
    public const byte Sctp = 132;

    /// <summary>Whether the protocol's header starts with 16-bit source and destination ports.</summary>
    /// <param name="protocol">The protocol number.</param>
    /// <returns><see langword="true"/> for TCP, UDP and SCTP (and UDP-Lite).</returns>
    public static bool HasPorts(byte protocol) => protocol is Tcp or Udp or Sctp or 136;
}

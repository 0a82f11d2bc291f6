namespace PrecisionCloud.UserPlane.Packets;

/// <summary>
/// The transport 5-tuple of an IP packet: addresses, protocol and ports. Ports are 0 for protocols without them
/// (ICMP, ICMPv6 and others by protocol number) and for non-first fragments, which carry no transport header.
/// </summary>
/// <param name="Source">The source address.</param>
/// <param name="Destination">The destination address.</param>
/// <param name="Protocol">The IP protocol number (IPv4) or final next header (IPv6), e.g. 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6.</param>
/// <param name="SourcePort">The TCP, UDP or SCTP source port.</param>
/// <param name="DestinationPort">The TCP, UDP or SCTP destination port.</param>
/// <param name="IsNonFirstFragment">Whether the packet is a fragment after the first (no transport header in it).</param>
public readonly record struct FiveTuple(InetAddress Source, InetAddress Destination, byte Protocol, ushort SourcePort, ushort DestinationPort, bool IsNonFirstFragment = false);

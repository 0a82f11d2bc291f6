using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Packets;

/// <summary>
/// Reads the 5-tuple of the IP packet inside a tunnel (RFC 791 IPv4, RFC 8200 IPv6 with its extension headers).
/// Pure and allocation-free; never throws and never reads outside the span.
/// </summary>
public static class InnerPacketReader
{
    private const int IPv4MinimumHeader = 20;
    private const int IPv6Header = 40;
    private const int MaxIPv6ExtensionHeaders = 8;

    /// <summary>Reads the IP version, addresses, protocol and ports.</summary>
    /// <param name="packet">The IP packet (a T-PDU or an N6 packet).</param>
    /// <param name="tuple">The 5-tuple.</param>
    /// <returns><see cref="DropReason.None"/>, or why the packet cannot be classified.</returns>
    public static DropReason TryReadFiveTuple(ReadOnlySpan<byte> packet, out FiveTuple tuple)
    {
        tuple = default;
        if (packet.IsEmpty)
        {
            return DropReason.InnerPacketTooShort;
        }

        return (packet[0] >> 4) switch
        {
            4 => ReadIPv4(packet, out tuple),
            6 => ReadIPv6(packet, out tuple),
            _ => DropReason.InnerPacketUnsupportedVersion,
        };
    }

    /// <summary>
    /// <code>
    /// | Version | IHL | DSCP/ECN | Total Length | Identification | Flags | Fragment Offset |
    /// | TTL | Protocol | Header Checksum | Source Address | Destination Address | Options |
    /// </code>
    /// </summary>
    private static DropReason ReadIPv4(ReadOnlySpan<byte> packet, out FiveTuple tuple)
    {
        var reason = CheckIPv4(packet, out var headerLength, out var totalLength);
        if (reason != DropReason.None)
        {
            tuple = default;
            return reason;
        }

        var protocol = packet[9];
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]) & 0x1FFF;
        uint ports = 0;
        if (fragmentOffset == 0 && IpProtocol.HasPorts(protocol) && totalLength - headerLength >= 4)
        {
            ports = BinaryPrimitives.ReadUInt32BigEndian(packet[headerLength..]);
        }

        tuple = new FiveTuple(
            InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(packet[12..])),
            InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(packet[16..])),
            protocol,
            (ushort)(ports >> 16),
            (ushort)ports,
            fragmentOffset != 0);
        return DropReason.None;
    }

    private static DropReason CheckIPv4(ReadOnlySpan<byte> packet, out int headerLength, out int totalLength)
    {
        headerLength = 0;
        totalLength = 0;
        if (packet.Length < IPv4MinimumHeader)
        {
            return DropReason.InnerPacketTooShort;
        }

        headerLength = (packet[0] & 0x0F) * 4;
        if (headerLength < IPv4MinimumHeader || headerLength > packet.Length)
        {
            return DropReason.InnerPacketHeaderLengthInvalid;
        }

        totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        return totalLength < headerLength || totalLength > packet.Length ? DropReason.InnerPacketLengthMismatch : DropReason.None;
    }

    /// <summary>
    /// <code>
    /// | Version | Traffic Class | Flow Label | Payload Length | Next Header | Hop Limit | Source (16) | Destination (16) |
    /// </code>
    /// Hop-by-Hop (0), Routing (43), Destination Options (60) and Fragment (44) headers are followed to the
    /// transport header.
    /// </summary>
    private static DropReason ReadIPv6(ReadOnlySpan<byte> packet, out FiveTuple tuple)
    {
        tuple = default;
        if (packet.Length < IPv6Header)
        {
            return DropReason.InnerPacketTooShort;
        }

        var end = IPv6Header + BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        if (end > packet.Length)
        {
            return DropReason.InnerPacketLengthMismatch;
        }

        InetAddress.TryRead(packet.Slice(8, 16), out var source);
        InetAddress.TryRead(packet.Slice(24, 16), out var destination);
        var next = packet[6];
        var offset = IPv6Header;
        var nonFirstFragment = false;
        for (var hops = 0; next is 0 or 43 or 60 or 44; hops++)
        {
            if (hops == MaxIPv6ExtensionHeaders || offset + 8 > end)
            {
                return DropReason.InnerPacketExtensionChainInvalid;
            }

            var length = next == 44 ? 8 : (packet[offset + 1] + 1) * 8;
            if (next == 44 && (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) & 0xFFF8) != 0)
            {
                nonFirstFragment = true;
            }

            if (offset + length > end)
            {
                return DropReason.InnerPacketExtensionChainInvalid;
            }

            next = packet[offset];
            offset += length;
        }

        var (sourcePort, destinationPort) = nonFirstFragment ? default : Ports(next, packet[offset..end]);
        tuple = new FiveTuple(source, destination, next, sourcePort, destinationPort, nonFirstFragment);
        return DropReason.None;
    }

    private static (ushort Source, ushort Destination) Ports(byte protocol, ReadOnlySpan<byte> transport) =>
        IpProtocol.HasPorts(protocol) && transport.Length >= 4
            ? (BinaryPrimitives.ReadUInt16BigEndian(transport), BinaryPrimitives.ReadUInt16BigEndian(transport[2..]))
            : default;
}

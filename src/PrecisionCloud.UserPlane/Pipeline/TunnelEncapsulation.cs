using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// Prepends outer IPv4 or IPv6, UDP and GTP-U headers to a packet in place, in the headroom before it. The outer
/// IPv4 header gets its checksum; UDP over IPv4 goes without one (RFC 768), UDP over IPv6 with one (RFC 8200).
/// </summary>
internal static class TunnelEncapsulation
{
    private const int UdpHeaderLength = 8;

    public static DropReason Encapsulate(PacketBatch batch, ref PacketDescriptor packet, InetAddress source, ushort sourcePort, InetAddress peer, ushort peerPort,
        uint teid, PduSessionContainer? container, byte dscp)
    {
        if (source.IsIPv6 != peer.IsIPv6)
        {
            return DropReason.NoEgressPort;
        }

        var ipLength = peer.IsIPv6 ? 40 : 20;
        var gtpLength = GtpWriter.GetHeaderLength(container);
        var outer = ipLength + UdpHeaderLength + gtpLength;
        var slotStart = packet.Offset / batch.SlotSize * batch.SlotSize;
        if (packet.Offset - outer < slotStart)
        {
            return DropReason.NoHeadroom;
        }

        var start = packet.Offset - outer;
        var headers = batch.Buffer.AsSpan(start, outer + packet.Length);
        var udpLength = UdpHeaderLength + gtpLength + packet.Length;
        GtpWriter.TryWriteGPduHeader(headers[(ipLength + UdpHeaderLength)..], teid, packet.Length, container, null, out _);

        var udp = headers.Slice(ipLength, UdpHeaderLength);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], peerPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        udp[6] = 0;
        udp[7] = 0;

        var ip = headers[..ipLength];
        if (peer.IsIPv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(ip, 0x6000_0000u | ((uint)dscp << 22));
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)udpLength);
            ip[6] = IpProtocol.Udp;
            ip[7] = 64;
            source.TryWrite(ip[8..]);
            peer.TryWrite(ip[24..]);
            BinaryPrimitives.WriteUInt16BigEndian(udp[6..], UdpChecksumIPv6(ip, headers.Slice(ipLength, udpLength)));
        }
        else
        {
            WriteIPv4Header(ip, source, peer, dscp, (ushort)(ipLength + udpLength));
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Ipv4Checksum.Compute(ip));
        }

        packet.Offset = start;
        packet.Length += outer;
        packet.TunnelOffset = start + ipLength + UdpHeaderLength;
        packet.RemoteAddress = peer;
        packet.RemotePort = peerPort;
        return DropReason.None;
    }

    /// <summary>The outer IPv4 header of a tunnel (DF, TTL 64, UDP), with a zero checksum field.</summary>
    public static void WriteIPv4Header(Span<byte> ip, InetAddress source, InetAddress peer, byte dscp, ushort totalLength)
    {
        ip[0] = 0x45;
        ip[1] = (byte)(dscp << 2);
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], totalLength);
        BinaryPrimitives.WriteUInt32BigEndian(ip[4..], 0x0000_4000u); // identification 0, DF
        ip[8] = 64;
        ip[9] = IpProtocol.Udp;
        ip[10] = 0;
        ip[11] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source.IPv4);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], peer.IPv4);
    }

    private static ushort UdpChecksumIPv6(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> udp)
    {
        ulong sum = 0;
        for (var i = 8; i < 40; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }

        sum += (ulong)udp.Length + IpProtocol.Udp;
        var i2 = 0;
        for (; i2 + 1 < udp.Length; i2 += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(udp[i2..]);
        }

        if (i2 < udp.Length)
        {
            sum += (ulong)udp[i2] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        var checksum = (ushort)~sum;
        return checksum == 0 ? (ushort)0xFFFF : checksum;
    }
}

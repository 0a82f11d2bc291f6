using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pfcp.Tests;

/// <summary>Inner packets for the tests that send traffic through sessions set up over PFCP.</summary>
internal static class Ipv4Packets
{
    /// <summary>A 64-byte IPv4/UDP packet between dotted addresses.</summary>
    public static byte[] Udp(string source, string destination, ushort sourcePort, ushort destinationPort) =>
        Udp(InetAddress.Parse(source).IPv4, InetAddress.Parse(destination).IPv4, sourcePort, destinationPort);

    /// <summary>A 64-byte IPv4/UDP packet between addresses given as numbers.</summary>
    public static byte[] Udp(uint source, uint destination, ushort sourcePort, ushort destinationPort)
    {
        var packet = new byte[64];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 64);
        packet[8] = 64;
        packet[9] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), source);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), destination);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Ipv4Checksum.Compute(packet.AsSpan(0, 20)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(24), 44);
        return packet;
    }
}

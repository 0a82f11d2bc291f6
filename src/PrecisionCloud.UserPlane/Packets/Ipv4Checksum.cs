using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Packets;

/// <summary>The Internet checksum (RFC 1071) of an IPv4 header.</summary>
public static class Ipv4Checksum
{
    /// <summary>Computes the checksum of a header whose checksum field (octets 10-11) is zero.</summary>
    /// <param name="header">The IPv4 header (20 to 60 octets).</param>
    /// <returns>The value to store in octets 10-11.</returns>
    public static ushort Compute(ReadOnlySpan<byte> header)
    {
        ulong sum = 0;
        var i = 0;
        for (; i + 4 <= header.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(header[i..]);
        }

        if (i + 2 <= header.Length)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}

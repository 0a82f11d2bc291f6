using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// A fully qualified SEID (3GPP TS 29.244 §8.2.37): a session endpoint identifier and the address (IPv4, IPv6 or
/// both) of the node that allocated it. Each side sends its own; the peer puts it in the header of what it sends.
/// </summary>
/// <param name="Seid">The session endpoint identifier.</param>
/// <param name="IPv4">The node's IPv4 address, if any.</param>
/// <param name="IPv6">The node's IPv6 address, if any.</param>
public readonly record struct FSeid(ulong Seid, InetAddress? IPv4, InetAddress? IPv6)
{
    private const byte V6 = 0x01;
    private const byte V4 = 0x02;

    /// <summary>Reads an F-SEID IE's value.</summary>
    /// <param name="value">The value octets.</param>
    /// <param name="fseid">The F-SEID.</param>
    /// <returns><see langword="false"/> when the value is too short for its flags or has no address.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out FSeid fseid)
    {
        fseid = default;
        if (value.Length < 9)
        {
            return false;
        }

        var flags = value[0];
        var seid = BinaryPrimitives.ReadUInt64BigEndian(value[1..]);
        var at = 9;
        InetAddress? v4 = null, v6 = null;
        if ((flags & V4) != 0)
        {
            if (value.Length < at + 4)
            {
                return false;
            }

            v4 = InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(value[at..]));
            at += 4;
        }

        if ((flags & V6) != 0)
        {
            if (value.Length < at + 16 || !InetAddress.TryRead(value.Slice(at, 16), out var address))
            {
                return false;
            }

            v6 = address;
        }

        fseid = new FSeid(seid, v4, v6);
        return v4 is not null || v6 is not null;
    }

    /// <summary>Writes the F-SEID as an IE.</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref PfcpWriter writer)
    {
        var value = writer.ReserveIe(PfcpIeType.FSeid, 9 + (IPv4 is null ? 0 : 4) + (IPv6 is null ? 0 : 16));
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = (byte)((IPv4 is null ? 0 : V4) | (IPv6 is null ? 0 : V6));
        BinaryPrimitives.WriteUInt64BigEndian(value[1..], Seid);
        var at = 9;
        if (IPv4 is { } v4)
        {
            v4.TryWrite(value[at..]);
            at += 4;
        }

        IPv6?.TryWrite(value[at..]);
    }
}

using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>Reads and writes struct sockaddr_in and sockaddr_in6 (network-order port and address, host-order family).</summary>
internal static class SocketAddressCodec
{
    public static bool TryRead(ReadOnlySpan<byte> storage, out InetAddress address, out ushort port)
    {
        var family = BitConverter.ToUInt16(storage);
        port = BinaryPrimitives.ReadUInt16BigEndian(storage[2..]);
        switch (family)
        {
            case LinuxSockets.AfInet:
                return InetAddress.TryRead(storage.Slice(4, 4), out address);
            case LinuxSockets.AfInet6:
                // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) from a dual-stack socket is the IPv4 peer.
                var octets = storage.Slice(8, 16);
                return octets[..10].IndexOfAnyExcept((byte)0) < 0 && octets[10] == 0xFF && octets[11] == 0xFF
                    ? InetAddress.TryRead(octets[12..], out address)
                    : InetAddress.TryRead(octets, out address);
            default:
                address = default;
                return false;
        }
    }

    /// <summary>Writes the destination of a send; an IPv4 peer on an IPv6 socket is written IPv4-mapped.</summary>
    public static uint Write(Span<byte> storage, InetAddress address, ushort port, bool ipv6Socket)
    {
        storage[..LinuxSockets.SockaddrStorageSize].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(storage[2..], port);
        if (!ipv6Socket)
        {
            BitConverter.TryWriteBytes(storage, (ushort)LinuxSockets.AfInet);
            address.TryWrite(storage[4..]);
            return 16;
        }

        BitConverter.TryWriteBytes(storage, (ushort)LinuxSockets.AfInet6);
        if (address.IsIPv6)
        {
            address.TryWrite(storage[8..]);
        }
        else
        {
            storage[18] = 0xFF;
            storage[19] = 0xFF;
            address.TryWrite(storage[20..]);
        }

        return 28;
    }
}

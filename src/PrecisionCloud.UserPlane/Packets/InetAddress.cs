using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PrecisionCloud.UserPlane.Packets;

/// <summary>
/// An IPv4 or IPv6 address as a value (no allocation), for hashing and comparing on the fast path.
/// IPv4 addresses are held in the low 32 bits, in host order. The bits are kept as two 64-bit halves rather than one
/// <see cref="UInt128"/>, whose 16-byte alignment would make the value (and every rule holding one) a third larger.
/// </summary>
public readonly record struct InetAddress
{
    private readonly ulong _high;
    private readonly ulong _low;

    private InetAddress(UInt128 value, bool isIPv6)
    {
        _high = (ulong)(value >> 64);
        _low = (ulong)value;
        IsIPv6 = isIPv6;
    }

    /// <summary>The address bits: 128 for IPv6; the low 32 for IPv4.</summary>
    public UInt128 Value => new(_high, _low);

    /// <summary>Whether this is an IPv6 address.</summary>
    public bool IsIPv6 { get; }

    /// <summary>The IPv4 address as a 32-bit number in host order (only for IPv4).</summary>
    public uint IPv4 => (uint)_low;

    /// <summary>The length of the address on the wire: 4 or 16 octets.</summary>
    public int Length => IsIPv6 ? 16 : 4;

    /// <summary>An IPv4 address from its 32-bit host-order value.</summary>
    /// <param name="address">The address, for example <c>0x0A000001</c> for 10.0.0.1.</param>
    /// <returns>The address.</returns>
    public static InetAddress FromIPv4(uint address) => new(address, isIPv6: false);

    /// <summary>An address from its network-order octets (4 or 16).</summary>
    /// <param name="octets">The octets.</param>
    /// <param name="address">The address.</param>
    /// <returns><see langword="false"/> when the span is neither 4 nor 16 octets long.</returns>
    public static bool TryRead(ReadOnlySpan<byte> octets, out InetAddress address)
    {
        switch (octets.Length)
        {
            case 4:
                address = new InetAddress(BinaryPrimitives.ReadUInt32BigEndian(octets), isIPv6: false);
                return true;
            case 16:
                address = new InetAddress(BinaryPrimitives.ReadUInt128BigEndian(octets), isIPv6: true);
                return true;
            default:
                address = default;
                return false;
        }
    }

    /// <summary>An address from a <see cref="IPAddress"/> (IPv4-mapped IPv6 addresses stay IPv6).</summary>
    /// <param name="address">The address.</param>
    /// <returns>The value.</returns>
    public static InetAddress From(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> octets = stackalloc byte[16];
        address.TryWriteBytes(octets, out var written);
        TryRead(octets[..written], out var value);
        return value;
    }

    /// <summary>Parses dotted-quad IPv4 or IPv6 text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not an address.</exception>
    public static InetAddress Parse(string text) => From(IPAddress.Parse(text));

    /// <summary>Writes the address in network order.</summary>
    /// <param name="destination">At least <see cref="Length"/> octets.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        if (IsIPv6)
        {
            BinaryPrimitives.WriteUInt128BigEndian(destination, Value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
        }

        return true;
    }

    /// <summary>The address as an <see cref="IPAddress"/> (allocates; for logs and control paths).</summary>
    /// <returns>The address.</returns>
    public IPAddress ToIPAddress()
    {
        Span<byte> octets = stackalloc byte[16];
        TryWrite(octets);
        return new IPAddress(octets[..Length]);
    }

    /// <summary>The address family.</summary>
    public AddressFamily AddressFamily => IsIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    /// <inheritdoc />
    public override string ToString() => ToIPAddress().ToString();
}

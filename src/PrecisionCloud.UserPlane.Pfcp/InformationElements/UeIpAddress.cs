using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// The UE's address in a PDI (3GPP TS 29.244 §8.2.62): IPv4, IPv6 or both, and whether it is the packets' source
/// or destination (S/D; the user plane takes the UE side from the source interface, so the flag is informative).
/// </summary>
/// <param name="IPv4">The IPv4 address.</param>
/// <param name="IPv6">The IPv6 address (the /64 prefix's first address when a prefix is assigned).</param>
/// <param name="IsDestination">S/D: the address is the destination of the packets the PDI matches.</param>
/// <param name="IPv6PrefixLength">The IPv6 prefix length (IP6PL), when sent.</param>
public readonly record struct UeIpAddress(InetAddress? IPv4, InetAddress? IPv6, bool IsDestination, byte? IPv6PrefixLength = null)
{
    private const byte V6 = 0x01, V4 = 0x02, SourceOrDestination = 0x04, V6Delegation = 0x08, V6PrefixLength = 0x40;

    /// <summary>Reads a UE IP Address IE's value.</summary>
    /// <param name="value">The value octets.</param>
    /// <param name="address">The address.</param>
    /// <returns><see langword="false"/> when the value is shorter than its flags need.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out UeIpAddress address)
    {
        address = default;
        if (value.IsEmpty)
        {
            return false;
        }

        var flags = value[0];
        var at = 1;
        InetAddress? v4 = null, v6 = null;
        if ((flags & V4) != 0)
        {
            if (value.Length < at + 4 || !InetAddress.TryRead(value.Slice(at, 4), out var a))
            {
                return false;
            }

            v4 = a;
            at += 4;
        }

        if ((flags & V6) != 0)
        {
            if (value.Length < at + 16 || !InetAddress.TryRead(value.Slice(at, 16), out var a))
            {
                return false;
            }

            v6 = a;
            at += 16;
        }

        at += (flags & V6Delegation) != 0 ? 1 : 0;
        byte? prefixLength = null;
        if ((flags & V6PrefixLength) != 0)
        {
            if (value.Length < at + 1)
            {
                return false;
            }

            prefixLength = value[at];
        }

        address = new UeIpAddress(v4, v6, (flags & SourceOrDestination) != 0, prefixLength);
        return true;
    }
}
